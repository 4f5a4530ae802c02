// Placeholder while issue 7 is being built: replaced by the screen's owner.
export default function Placeholder() {
  return null;
}

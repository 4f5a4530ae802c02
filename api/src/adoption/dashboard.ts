// Placeholder while issue 7 is being built: replaced by its owner.
export {};

// PostGraphile 5 wants Node >= 22; on Node 20 the one thing it misses is
// Promise.withResolvers (ES2024). Loaded with `node --import` before PostGraphile itself.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

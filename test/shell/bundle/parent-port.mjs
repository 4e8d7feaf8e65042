// Preloaded into a stand-in utility process: Electron's process.parentPort, over Node's IPC channel.
process.parentPort = {
  on: (event, listener) => process.on(event, (data) => listener({ data })),
  once: (event, listener) => process.once(event, (data) => listener({ data })),
  postMessage: (message) => process.send(message),
};

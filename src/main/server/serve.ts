/** Runs a library server over one end of a message channel, whatever carries it. */
import { LibraryServer } from './libraryServer.ts';
import type { MessageEnd, ServerReply, ServerRequest, ServerSettings } from './protocol.ts';

/** Answers every request on `end`; `exit` is called once a close has been answered. */
export function serveLibrary(end: MessageEnd<ServerRequest, ServerReply>, settings: ServerSettings, exit: () => void): void {
  const server = new LibraryServer(settings);
  end.onMessage((request) => {
    void server.receive(request).then((reply) => {
      end.post(reply);
      if (reply.kind === 'closed') exit();
    });
  });
}

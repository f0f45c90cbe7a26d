// WidenListenBacklog: raises the accept backlog of this process's listening socket on `port`.
// Debian's cpp-httplib 0.11.4 listens with a fixed backlog of 5, so a burst of new connections
// overflows it and the dropped SYNs are retried a second later; Linux lets a second listen() on the
// same socket set a larger backlog. Call once after binding, before serving; not thread-safe.
#ifndef BOT_HTTP_LISTEN_BACKLOG_H_
#define BOT_HTTP_LISTEN_BACKLOG_H_

namespace bot {

// True when a listening socket on `port` was found and its backlog raised.
bool WidenListenBacklog(int port, int backlog);

}  // namespace bot

#endif  // BOT_HTTP_LISTEN_BACKLOG_H_

// GuardedServer: httplib::Server with its connection loop replaced, for what Debian's cpp-httplib
// 0.11.4 does not bound (docs/reliability.md, "Protocol abuse"): open connections per peer address,
// the bytes and the time a request's line and headers may take (slowloris, header floods), and a
// real close when a response says "Connection: close" (0.11.4 writes the header but reads on, so an
// unread body would run as the next request). It also keeps pipelined requests and answers a client
// that half-closed. Requests are still parsed and routed by httplib's own process_request. The
// functions below are for handlers running on its worker threads (no-ops elsewhere). Thread-safe.
#ifndef BOT_HTTP_GUARDED_SERVER_H_
#define BOT_HTTP_GUARDED_SERVER_H_

#include <httplib.h>

#include <map>
#include <mutex>
#include <string>

namespace bot {

struct ConnectionLimits {
  int per_address = 8;                 // open connections from one peer address
  size_t header_bytes = 16 * 1024;     // request line and headers
  int header_ms = 10000;               // from a request's first byte to the end of its headers
  int request_ms = 60000;              // from the end of the headers to the end of the response
  int linger_ms = 1000;                // reading what a closed connection still sends
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits = {}) : limits_(limits) {}

  const ConnectionLimits& limits() const { return limits_; }
  // Open connections from `address` right now (for tests and metrics).
  int OpenFrom(const std::string& address) const;

 private:
  bool process_and_close_socket(socket_t sock) override;
  // The 0.11.4 loop with the limits above; returns when the connection is to be closed.
  void Serve(socket_t sock);
  // Refuses a connection over its address's limit: 503 and close.
  static void Refuse(socket_t sock, int per_address);

  const ConnectionLimits limits_;
  mutable std::mutex mu_;
  std::map<std::string, int> open_;
};

// The request line and headers are complete (the pre-routing handler): from here the request
// has ConnectionLimits::request_ms.
void MarkHeadersRead();
// The connection is closed once the current response is written (after lingering to read what
// the client still sends, so the response is not lost to a reset).
void CloseAfterResponse();
// Whether the current request failed because its line and headers were over header_bytes.
bool HeadersTooLarge();

}  // namespace bot

#endif  // BOT_HTTP_GUARDED_SERVER_H_

// HttpPoster: one outgoing HTTP(S) POST, behind an interface so tests can record or fail it.
// HttplibPoster is the real one (cpp-httplib with OpenSSL, 10 s timeouts, certificates verified).
// Both are thread-safe.
#ifndef BOT_SLACK_HTTP_POSTER_H_
#define BOT_SLACK_HTTP_POSTER_H_

#include <map>
#include <string>

namespace bot {

struct HttpReply {
  int status = 0;              // 0: no HTTP answer (connection or TLS failure, bad URL)
  std::string body, error;     // error: why there is no answer
  int retry_after_seconds = -1;  // Retry-After when present
};

class HttpPoster {
 public:
  virtual ~HttpPoster() = default;
  virtual HttpReply Post(const std::string& url, const std::map<std::string, std::string>& headers,
                         const std::string& body, const std::string& content_type) = 0;
};

class HttplibPoster : public HttpPoster {
 public:
  HttpReply Post(const std::string& url, const std::map<std::string, std::string>& headers,
                 const std::string& body, const std::string& content_type) override;
};

// "https://host:port/path?q" -> ("https://host:port", "/path?q"); false unless http or https.
bool SplitUrl(const std::string& url, std::string* origin, std::string* path);

}  // namespace bot

#endif  // BOT_SLACK_HTTP_POSTER_H_

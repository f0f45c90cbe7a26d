#include "slack/http_poster.h"

#include <httplib.h>

namespace bot {

bool SplitUrl(const std::string& url, std::string* origin, std::string* path) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return false;
  const std::string scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return false;
  const size_t path_start = url.find('/', scheme_end + 3);
  *origin = url.substr(0, path_start);
  *path = path_start == std::string::npos ? "/" : url.substr(path_start);
  return origin->size() > scheme_end + 3;
}

HttpReply HttplibPoster::Post(const std::string& url,
                              const std::map<std::string, std::string>& headers,
                              const std::string& body, const std::string& content_type) {
  HttpReply reply;
  std::string origin, path;
  if (!SplitUrl(url, &origin, &path)) {
    reply.error = "not an http(s) URL";
    return reply;
  }
  httplib::Client client(origin);
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(10, 0);
  client.set_write_timeout(10, 0);
  client.enable_server_certificate_verification(true);
  httplib::Headers h(headers.begin(), headers.end());
  auto res = client.Post(path.c_str(), h, body, content_type.c_str());
  if (!res) {
    reply.error = "no answer: " + httplib::to_string(res.error());
    return reply;
  }
  reply.status = res->status;
  reply.body = res->body;
  const std::string retry = res->get_header_value("Retry-After");
  if (!retry.empty() && retry.size() < 7 && retry.find_first_not_of("0123456789") == std::string::npos) {
    reply.retry_after_seconds = std::stoi(retry);
  }
  return reply;
}

}  // namespace bot

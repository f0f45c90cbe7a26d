// The chat page's files (web/), embedded in the binary at build time, and the way to serve them
// from disk instead while developing (serve --web-dir). Read-only; thread-safe.
#ifndef BOT_HTTP_WEB_ASSETS_H_
#define BOT_HTTP_WEB_ASSETS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace bot {

struct EmbeddedAsset {
  const char* name;  // file name inside web/, e.g. "app.js"
  const unsigned char* data;
  size_t size;
};

const std::vector<EmbeddedAsset>& EmbeddedAssets();

struct WebFile {
  std::string body, content_type;
};

// `name` ("index.html", "app.js") from `web_dir` when it is not empty, else from the binary.
// nullopt when there is no such file (names with '/' or starting with '.' are never served).
std::optional<WebFile> LoadWebFile(const std::string& web_dir, const std::string& name);

}  // namespace bot

#endif  // BOT_HTTP_WEB_ASSETS_H_

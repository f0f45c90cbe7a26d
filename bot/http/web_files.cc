#include <fstream>
#include <sstream>

#include "http/web_assets.h"

namespace bot {
namespace {

std::string ContentType(const std::string& name) {
  const auto ends = [&](const char* ext) {
    const std::string e = ext;
    return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json";
  return "application/octet-stream";
}

}  // namespace

std::optional<WebFile> LoadWebFile(const std::string& web_dir, const std::string& name) {
  if (name.empty() || name[0] == '.' || name.find('/') != std::string::npos ||
      name.find('\\') != std::string::npos) {
    return std::nullopt;
  }
  if (!web_dir.empty()) {
    std::ifstream in(web_dir + "/" + name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return WebFile{ss.str(), ContentType(name)};
  }
  for (const auto& asset : EmbeddedAssets()) {
    if (name == asset.name) {
      return WebFile{std::string(reinterpret_cast<const char*>(asset.data), asset.size),
                     ContentType(name)};
    }
  }
  return std::nullopt;
}

}  // namespace bot

#pragma once
// Static files for pages under /assets/:
//   /assets/govuk/...   govuk-frontend's dist/govuk/ (CSS, the JS module, images) from the
//                       folder web.assets_dir names; GOV.UK's fonts and crown images are
//                       refused (this is not GOV.UK);
//   /assets/app/...     our own resources/web/assets/ (app.css, app.js, favicon.svg);
//   /assets/brand.css   generated from the configured brand colour.
// Pages link to them through a versioned prefix, /assets/v<hash>/..., where the hash covers
// every file's content and the brand: those answers may be cached for a year (immutable).
// Unversioned or outdated-version URLs still answer, with a short max-age; every answer has
// an ETag and a matching If-None-Match gets 304. Only known file types, only plain names:
// "..", hidden files, backslashes and anything that resolves outside its folder are refused.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "web/Request.h"

namespace tessera::web::portal {

struct AssetFile {
    std::string body;
    std::string contentType;
    std::string etag;  // quoted strong validator
};

class Assets {
public:
    // govukDist: the govuk-frontend dist folder (holding govuk/); ownFolder: our assets.
    // A missing govukDist is allowed (pages then work unstyled); see govukAvailable().
    Assets(std::string govukDist, std::string ownFolder, std::string brandCss);

    bool govukAvailable() const { return govukAvailable_; }
    // "/assets/v<hash>": what templates put before "/govuk/...", "/app/...", "/brand.css".
    std::string prefix() const { return "/assets/" + version_; }

    // The file for a request path ("/assets/v1a2b/govuk/govuk-frontend.min.css"), or nullopt
    // when there is none or the path is refused. `immutable` says the version is current.
    std::optional<AssetFile> find(const std::string& path, bool& immutable) const;
    // The GET/HEAD handler: 200 with cache headers, 304, or 404.
    void serve(Request& r) const;

    // How deep an asset path may be below /assets (the router has no catch-all pattern).
    static constexpr int kMaxDepth = 8;

private:
    std::optional<AssetFile> readBelow(const std::string& root, const std::vector<std::string>& segments) const;

    std::string govukRoot_;  // <dist>/govuk
    std::string ownRoot_;
    AssetFile brand_;
    bool govukAvailable_ = false;
    std::string version_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, AssetFile> cache_;  // files do not change while the server runs
};

// The content type for a file name, or "" for a type we do not serve.
std::string assetContentType(const std::string& fileName);

}  // namespace tessera::web::portal

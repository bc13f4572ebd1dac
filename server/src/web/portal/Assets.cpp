#include "web/portal/Assets.h"

#include <Poco/Net/HTTPResponse.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "infra/Digest.h"
#include "web/Respond.h"

namespace tessera::web::portal {

namespace fs = std::filesystem;

namespace {

const char* const kImmutable = "public, max-age=31536000, immutable";
const char* const kShortLived = "public, max-age=600";

std::vector<std::string> splitPath(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;  // after the leading "/"
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        out.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return out;
}

// Letters, digits, "-", "_" and "." but never first: no "..", no hidden files, no separators.
bool plainName(const std::string& segment) {
    if (segment.empty() || segment.size() > 200 || segment.front() == '.') return false;
    return std::all_of(segment.begin(), segment.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.';
    });
}

bool isVersionSegment(const std::string& s) {
    return s.size() > 1 && s[0] == 'v' &&
           std::all_of(s.begin() + 1, s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

// GOV.UK's own identity: its typeface and the crown.
bool isGovukIdentity(const std::vector<std::string>& segments) {
    for (std::size_t i = 0; i + 1 < segments.size(); ++i)
        if (segments[i] == "fonts") return true;
    const std::string& file = segments.back();
    return file.rfind("govuk-crest", 0) == 0 || file.rfind("govuk-icon", 0) == 0 ||
           file.rfind("govuk-opengraph", 0) == 0 || file.rfind("favicon", 0) == 0;
}

std::optional<std::string> readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// GOV.UK's typeface is licensed for gov.uk only, so its files are never served; a stylesheet
// that still declared it would send every browser after fonts that answer 404. Removes each
// @font-face rule (govuk-frontend's are flat: no nested braces) and the licence comment
// that introduces them.
std::string withoutFontFaces(const std::string& css) {
    std::string out;
    out.reserve(css.size());
    std::size_t at = 0;
    while (at < css.size()) {
        const std::size_t rule = css.find("@font-face", at);
        if (rule == std::string::npos) break;
        const std::size_t close = css.find('}', rule);
        if (close == std::string::npos) break;
        out.append(css, at, rule - at);
        at = close + 1;
    }
    out.append(css, at, std::string::npos);
    for (std::size_t c = out.find("/*! Copyright (c) 2011 by Margaret Calvert"); c != std::string::npos;
         c = out.find("/*! Copyright (c) 2011 by Margaret Calvert")) {
        const std::size_t end = out.find("*/", c);
        if (end == std::string::npos) break;
        out.erase(c, end + 2 - c);
    }
    return out;
}

std::string etagFor(const std::string& body) { return "\"" + infra::digest::sha256Hex(body).substr(0, 20) + "\""; }

// Every regular file below `root`, in a stable order, for the version hash.
void hashTree(const std::string& root, std::string& into) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file()) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
        if (auto body = readFile(f)) into += f.generic_string() + "\n" + infra::digest::sha256Hex(*body) + "\n";
}

}  // namespace

std::string assetContentType(const std::string& fileName) {
    static const std::map<std::string, std::string> types{
        {".css", "text/css; charset=utf-8"},      {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".map", "application/json"},
        {".svg", "image/svg+xml"},                {".png", "image/png"},
        {".ico", "image/x-icon"},                 {".json", "application/json"}};
    auto it = types.find(fs::path(fileName).extension().string());
    return it == types.end() ? std::string() : it->second;
}

Assets::Assets(std::string govukDist, std::string ownFolder, std::string brandCss)
    : govukRoot_((fs::path(govukDist) / "govuk").string()), ownRoot_(std::move(ownFolder)) {
    std::error_code ec;
    govukAvailable_ = fs::is_regular_file(fs::path(govukRoot_) / "govuk-frontend.min.css", ec);
    brand_ = {brandCss, "text/css; charset=utf-8", etagFor(brandCss)};

    std::string fingerprint = brandCss;
    for (const char* file : {"govuk-frontend.min.css", "govuk-frontend.min.js"})
        if (auto body = readFile(fs::path(govukRoot_) / file)) fingerprint += infra::digest::sha256Hex(*body);
    hashTree(ownRoot_, fingerprint);
    version_ = "v" + infra::digest::sha256Hex(fingerprint).substr(0, 12);
}

std::optional<AssetFile> Assets::readBelow(const std::string& root, const std::vector<std::string>& segments) const {
    fs::path relative;
    for (const auto& s : segments) relative /= s;
    const fs::path candidate = fs::path(root) / relative;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = cache_.find(candidate.string()); it != cache_.end()) return it->second;
    }
    // Symbolic links must not lead outside the folder either.
    std::error_code ec;
    const fs::path base = fs::canonical(root, ec);
    if (ec) return std::nullopt;
    const fs::path resolved = fs::canonical(candidate, ec);
    if (ec || !fs::is_regular_file(resolved, ec)) return std::nullopt;
    const std::string baseText = base.string() + "/";
    if (resolved.string().compare(0, baseText.size(), baseText) != 0) return std::nullopt;

    auto body = readFile(resolved);
    if (!body) return std::nullopt;
    if (root == govukRoot_ && assetContentType(segments.back()).rfind("text/css", 0) == 0)
        body = withoutFontFaces(*body);
    AssetFile file{*body, assetContentType(segments.back()), etagFor(*body)};
    std::lock_guard<std::mutex> lock(mutex_);
    cache_.emplace(candidate.string(), file);
    return file;
}

std::optional<AssetFile> Assets::find(const std::string& path, bool& immutable) const {
    immutable = false;
    auto segments = splitPath(path);
    if (segments.empty() || segments.front() != "assets") return std::nullopt;
    segments.erase(segments.begin());
    if (!segments.empty() && isVersionSegment(segments.front())) {
        immutable = segments.front() == version_;
        segments.erase(segments.begin());
    }
    if (segments.empty() || !std::all_of(segments.begin(), segments.end(), plainName)) return std::nullopt;

    if (segments.size() == 1 && segments.front() == "brand.css") return brand_;
    const std::string area = segments.front();
    segments.erase(segments.begin());
    if (segments.empty() || assetContentType(segments.back()).empty()) return std::nullopt;
    if (area == "govuk" && govukAvailable_ && !isGovukIdentity(segments)) return readBelow(govukRoot_, segments);
    if (area == "app") return readBelow(ownRoot_, segments);
    return std::nullopt;
}

void Assets::serve(Request& r) const {
    bool immutable = false;
    auto file = find(r.path, immutable);
    if (!file) return sendProblem(r, 404, "not_found", "", "There is no asset at " + r.path + ".");
    auto& resp = r.response;
    resp.set("Cache-Control", immutable ? kImmutable : kShortLived);
    resp.set("ETag", file->etag);
    resp.set("Cross-Origin-Resource-Policy", "same-origin");
    if (auto seen = r.header("If-None-Match"); seen && seen->find(file->etag) != std::string::npos) {
        resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
        resp.setContentLength(0);
        resp.send();
        return;
    }
    resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    resp.setContentType(file->contentType);
    resp.setContentLength(static_cast<std::streamsize>(file->body.size()));
    auto& out = resp.send();
    if (r.method != "HEAD") out << file->body;
}

}  // namespace tessera::web::portal

#include "web/Router.h"

#include <algorithm>

namespace tessera::web {

std::vector<std::string> Router::split(const std::string& path) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : path) {
        if (c == '/') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
    add(method, pattern, std::move(handler), 0);
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler, std::size_t maxBodyBytes) {
    routes_.push_back({method, pattern, split(pattern), std::move(handler), maxBodyBytes});
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(routes_.size());
    for (const auto& route : routes_) out.emplace_back(route.method, route.pattern);
    return out;
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
    Match result;
    const auto segments = split(path);
    for (const auto& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool ok = true;
        for (std::size_t i = 0; i < segments.size() && ok; ++i) {
            const auto& p = route.segments[i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
                params[p.substr(1, p.size() - 2)] = segments[i];
            } else {
                ok = p == segments[i];
            }
        }
        if (!ok) continue;
        const bool methodMatches = route.method == method || (method == "HEAD" && route.method == "GET");
        if (methodMatches && !result.handler) {
            result.handler = &route.handler;
            result.params = std::move(params);
            result.maxBodyBytes = route.maxBodyBytes;
        }
        if (std::find(result.allowed.begin(), result.allowed.end(), route.method) == result.allowed.end())
            result.allowed.push_back(route.method);
    }
    return result;
}

}  // namespace tessera::web

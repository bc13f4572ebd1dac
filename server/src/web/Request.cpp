#include "web/Request.h"

#include <Poco/Exception.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>

namespace tessera::web {

std::string Request::param(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

std::optional<std::string> Request::queryParam(const std::string& name) const {
    // A malformed escape ("%zz") makes Poco throw; such a query carries no usable parameter,
    // and the handler then answers as for a missing one instead of failing with a 500.
    try {
        Poco::URI uri("/?" + query);
        for (const auto& [k, v] : uri.getQueryParameters()) {
            if (k == name) return v;
        }
    } catch (const Poco::Exception&) {
    }
    return std::nullopt;
}

std::optional<std::string> Request::header(const std::string& name) const {
    if (!http.has(name)) return std::nullopt;
    return http.get(name);
}

std::optional<std::string> Request::cookie(const std::string& name) const {
    Poco::Net::NameValueCollection cookies;
    http.getCookies(cookies);
    if (!cookies.has(name)) return std::nullopt;
    return cookies.get(name);
}

std::string Request::mediaType() const {
    std::string ct = http.getContentType();
    auto semi = ct.find(';');
    if (semi != std::string::npos) ct.erase(semi);
    ct.erase(std::remove_if(ct.begin(), ct.end(), [](unsigned char c) { return std::isspace(c); }), ct.end());
    std::transform(ct.begin(), ct.end(), ct.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ct;
}

}  // namespace tessera::web

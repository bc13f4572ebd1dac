#pragma once
// A request and a response as the service's handlers see them: plain values, so the whole
// service is testable without a socket. HttpServer.cpp converts from and to Poco's.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tessera::demo {

struct WebRequest {
    std::string method = "GET";
    std::string path = "/";
    std::map<std::string, std::string> query, form, cookies;
    std::string contentType;
    bool repeatedParameter = false;  // a query or form parameter given twice (OAuth forbids it)
};

struct WebResponse {
    int status = 200;
    std::string contentType = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // in order; Set-Cookie may repeat

    static WebResponse redirect(const std::string& location) {
        WebResponse r;
        r.status = 303;
        r.contentType = "text/plain; charset=utf-8";
        r.headers.emplace_back("Location", location);
        return r;
    }
    // The first value of a header, "" when absent.
    std::string header(const std::string& name) const {
        for (const auto& [n, v] : headers)
            if (n == name) return v;
        return "";
    }
};

}  // namespace tessera::demo

#pragma once
// The HTTP front door: Poco's HTTPServer with one dispatcher that gives every request an id,
// reads the body within the size limit, adds the security headers, routes, turns stray
// exceptions into problem+json and writes one structured access-log line.
#include <Poco/Net/HTTPServer.h>

#include <memory>
#include <string>

#include "web/Router.h"

namespace tessera::web {

struct HttpServerOptions {
    std::string host = "0.0.0.0";
    int port = 8080;  // 0 picks a free port (tests)
    int threads = 16;
    std::size_t maxBodyBytes = 64 * 1024;
    bool tls = false;  // public URL is https: adds HSTS
};

class HttpServer {
public:
    HttpServer(const Router& router, HttpServerOptions options);
    ~HttpServer();
    void start();
    // Stops accepting, lets in-flight requests finish (up to graceSeconds), then returns.
    void stop(int graceSeconds = 30);
    int port() const;

private:
    const Router& router_;
    HttpServerOptions options_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    bool running_ = false;
};

}  // namespace tessera::web

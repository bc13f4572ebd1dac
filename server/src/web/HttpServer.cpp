#include "web/HttpServer.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Stopwatch.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

#include <sstream>

#include "infra/Encoding.h"
#include "infra/Random.h"
#include "web/Respond.h"

namespace tessera::web {

namespace {

std::string jsonEscape(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out;
}

void securityHeaders(Poco::Net::HTTPServerResponse& resp, bool tls) {
    resp.set("X-Content-Type-Options", "nosniff");
    resp.set("Referrer-Policy", "no-referrer");
    resp.set("X-Frame-Options", "DENY");
    resp.set("Cross-Origin-Opener-Policy", "same-origin");
    resp.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    resp.set("Cache-Control", "no-store");
    if (tls) resp.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

class Dispatcher final : public Poco::Net::HTTPRequestHandler {
public:
    Dispatcher(const Router& router, const HttpServerOptions& options) : router_(router), options_(options) {}

    void handleRequest(Poco::Net::HTTPServerRequest& http, Poco::Net::HTTPServerResponse& resp) override {
        Poco::Stopwatch watch;
        watch.start();
        Poco::URI uri(http.getURI());
        Request r{http, resp, http.getMethod(), uri.getPath(), uri.getRawQuery(), {}, {}, {}, {}};
        r.requestId = infra::encoding::hex(infra::random::bytes(8));
        r.clientAddress = http.clientAddress().host().toString();
        resp.set("X-Request-Id", r.requestId);
        securityHeaders(resp, options_.tls);
        try {
            dispatch(r);
        } catch (const std::exception& e) {
            std::string what = e.what();
            if (auto* pe = dynamic_cast<const Poco::Exception*>(&e)) what = pe->displayText();
            Poco::Logger::get("tessera.http").error("request " + r.requestId + " failed: " + what);
            if (!resp.sent())
                sendProblem(r, Error::internal("Something went wrong on our side. Quote reference " + r.requestId + "."));
        }
        watch.stop();
        // Paths only: query strings may carry codes or tokens, which are never logged.
        std::ostringstream line;
        line << "{\"event\":\"http_request\",\"request_id\":\"" << r.requestId << "\",\"method\":\""
             << jsonEscape(r.method) << "\",\"path\":\"" << jsonEscape(r.path) << "\",\"status\":"
             << int(resp.getStatus()) << ",\"ms\":" << (watch.elapsed() / 1000) << "}";
        Poco::Logger::get("tessera.http").information(line.str());
    }

private:
    void dispatch(Request& r) {
        auto m = router_.match(r.method, r.path);
        // Upload routes raise the limit for themselves; a declared length over it is refused
        // before a byte of the body is read (a 2 GB upload costs us nothing).
        const std::size_t limit = m.handler && m.maxBodyBytes > 0 ? m.maxBodyBytes : options_.maxBodyBytes;
        if (r.http.hasContentLength() && r.http.getContentLength64() > static_cast<Poco::Int64>(limit))
            return refuseTooLarge(r, limit);
        if (!m.handler) {
            if (m.allowed.empty())
                return sendProblem(r, 404, "not_found", "", "There is nothing at " + r.path + ".");
            std::string allow;
            for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
            r.response.set("Allow", allow);
            return sendProblem(r, 405, "method_not_allowed", "", r.method + " is not allowed here; use " + allow + ".");
        }
        if (!readBody(r, limit)) return;
        r.params = std::move(m.params);
        (*m.handler)(r);
    }

    static void refuseTooLarge(Request& r, std::size_t limit) {
        r.response.setKeepAlive(false);
        sendProblem(r, 413, "too_large", "", "The request body is larger than " + std::to_string(limit) + " bytes.");
    }

    // Reads at most `limit` bytes; larger bodies (chunked, with no declared length) are refused
    // as soon as they pass it, before any handler runs.
    bool readBody(Request& r, std::size_t limit) {
        std::istream& in = r.http.stream();
        std::string body;
        if (r.http.hasContentLength()) body.reserve(static_cast<std::size_t>(r.http.getContentLength64()));
        char buf[65536];
        while (in.read(buf, sizeof buf) || in.gcount() > 0) {
            body.append(buf, static_cast<std::size_t>(in.gcount()));
            if (body.size() > limit) {
                refuseTooLarge(r, limit);
                return false;
            }
        }
        r.body = std::move(body);
        return true;
    }

    const Router& router_;
    const HttpServerOptions& options_;
};

class DispatcherFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    DispatcherFactory(const Router& router, const HttpServerOptions& options) : router_(router), options_(options) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Dispatcher(router_, options_);
    }

private:
    const Router& router_;
    const HttpServerOptions& options_;
};

}  // namespace

HttpServer::HttpServer(const Router& router, HttpServerOptions options) : router_(router), options_(std::move(options)) {
    Poco::Net::ServerSocket socket;
    // SO_REUSEADDR so a restart is not held up by TIME_WAIT; never SO_REUSEPORT (Poco sets it
    // along with the two-argument bind), which would let a second process share the port.
    socket.bind(Poco::Net::SocketAddress(options_.host, static_cast<Poco::UInt16>(options_.port)), true, false);
    socket.listen(128);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options_.threads);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(15, 0));
    params->setTimeout(Poco::Timespan(30, 0));
    params->setServerName("tessera");
    server_ = std::make_unique<Poco::Net::HTTPServer>(new DispatcherFactory(router_, options_), socket, params);
}

HttpServer::~HttpServer() {
    if (running_) stop(5);
}

void HttpServer::start() {
    server_->start();
    running_ = true;
}

void HttpServer::stop(int graceSeconds) {
    if (!running_) return;
    running_ = false;
    // Stop accepting; keep-alive connections close after their current request.
    server_->stopAll(false);
    for (int waited = 0; server_->currentConnections() > 0 && waited < graceSeconds * 20; ++waited)
        Poco::Thread::sleep(50);
}

int HttpServer::port() const { return server_->port(); }

}  // namespace tessera::web

#include <catch2/catch.hpp>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>

#include "web/HttpServer.h"
#include "web/Router.h"

using tessera::web::HttpServer;
using tessera::web::HttpServerOptions;
using tessera::web::Router;

namespace {
HttpServerOptions onLoopback(int port) {
    HttpServerOptions options;
    options.host = "127.0.0.1";
    options.port = port;
    options.threads = 2;
    return options;
}
}  // namespace

// With SO_REUSEPORT two servers would share the port and the kernel would split connections
// between them: another process could take half of the citizens' requests.
TEST_CASE("A second server cannot listen on a port already in use", "[web][http-server]") {
    Router router;
    HttpServer first(router, onLoopback(0));
    first.start();
    const int port = first.port();
    REQUIRE(port > 0);
    CHECK_THROWS_AS(HttpServer(router, onLoopback(port)), Poco::Net::NetException);
    first.stop(1);
}

TEST_CASE("A stopped server's port can be taken again at once", "[web][http-server]") {
    Router router;
    int port = 0;
    {
        HttpServer first(router, onLoopback(0));
        first.start();
        port = first.port();
        first.stop(1);
    }
    HttpServer again(router, onLoopback(port));
    CHECK(again.port() == port);
}

// Clients and logs show the status line; "404 OK" would contradict itself.
TEST_CASE("An error answer carries the reason phrase of its status", "[web][http-server]") {
    Router router;
    HttpServer server(router, onLoopback(0));
    server.start();
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/no-such-thing");
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response);
    CHECK(response.getStatus() == Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
    CHECK(response.getReason() == "Not Found");
    server.stop(1);
}

namespace {
// Sends a PUT declaring `declared` bytes and writes `written` of them (fewer when the server is
// expected to refuse before reading); returns the status.
int putBody(int port, const std::string& path, std::uint64_t declared, const std::string& written, bool chunked = false) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_PUT, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (chunked) request.setChunkedTransferEncoding(true);
    else request.setContentLength64(static_cast<Poco::Int64>(declared));
    std::ostream& out = session.sendRequest(request);
    out << written;
    Poco::Net::HTTPResponse response;
    try {
        session.receiveResponse(response);
    } catch (const Poco::Exception&) {
        return -1;
    }
    return int(response.getStatus());
}
}  // namespace

// Uploads of photos and videos need more than the default limit, on their own routes only.
TEST_CASE("An upload route takes bodies up to its own limit – other routes keep the default", "[web][http-server]") {
    Router router;
    std::size_t received = 0;
    router.add("PUT", "/upload", [&](tessera::web::Request& r) {
        received = r.body.size();
        r.response.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
        r.response.send();
    }, 256 * 1024);
    router.put("/small", [&](tessera::web::Request& r) {
        received = r.body.size();
        r.response.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
        r.response.send();
    });
    HttpServerOptions options = onLoopback(0);
    options.maxBodyBytes = 1024;
    HttpServer server(router, options);
    server.start();

    const std::string body(200 * 1024, 'x');
    CHECK(putBody(server.port(), "/upload", body.size(), body) == 204);
    CHECK(received == body.size());
    received = 0;
    CHECK(putBody(server.port(), "/small", body.size(), "") == 413);
    CHECK(received == 0);
    // Chunked bodies declare no length: they are cut off once they pass the limit.
    CHECK(putBody(server.port(), "/upload", 0, std::string(300 * 1024, 'y'), true) == 413);
    CHECK(received == 0);
    server.stop(1);
}

// A 2 GB upload is refused from its declared length before a byte is read or stored.
TEST_CASE("A body declared larger than the route's limit is refused before it is read", "[web][http-server]") {
    Router router;
    bool called = false;
    router.add("PUT", "/upload", [&](tessera::web::Request& r) {
        called = true;
        r.response.send();
    }, 50 * 1024 * 1024);
    HttpServer server(router, onLoopback(0));
    server.start();
    CHECK(putBody(server.port(), "/upload", 2ULL * 1024 * 1024 * 1024, "just the start") == 413);
    CHECK_FALSE(called);
    server.stop(1);
}

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

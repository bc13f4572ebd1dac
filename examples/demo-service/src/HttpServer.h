#pragma once
// Serves a DemoService with Poco's HTTP server: converts Poco's requests into WebRequest
// (query and form decoded, cookies, a cap on the body) and WebResponse back.
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <memory>

#include "DemoService.h"

namespace tessera::demo {

class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit RequestHandlerFactory(std::shared_ptr<DemoService> service) : service_(std::move(service)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    std::shared_ptr<DemoService> service_;
};

// "a=1&b=%20x+y" -> {a: "1", b: " x y"}; sets `repeated` when a name comes twice.
std::map<std::string, std::string> parseFormEncoded(const std::string& text, bool& repeated);

}  // namespace tessera::demo

#include "HttpClient.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <istream>
#include <memory>

namespace tessera::demo {

namespace {

Poco::Net::Context::Ptr tlsContext() {
    static const Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
    return context;
}

Error unreachable(const std::string& url, const std::string& why) {
    return Error::unavailable("provider_unreachable", "No answer from " + url + ": " + why);
}

}  // namespace

Result<HttpResponse> PocoHttpClient::send(const HttpRequest& request) {
    try {
        const Poco::URI uri(request.url);
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (uri.getScheme() == "https") {
            session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), tlsContext());
        } else if (uri.getScheme() == "http") {
            session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
        } else {
            return unreachable(request.url, "not an http or https URL.");
        }
        session->setTimeout(Poco::Timespan(timeoutSeconds_, 0));
        Poco::Net::HTTPRequest out(request.method, uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
        out.set("Accept", "application/json");
        out.set("User-Agent", "tessera-demo-service");
        for (const auto& [name, value] : request.headers) out.set(name, value);
        if (!request.body.empty() || request.method == "POST") {
            out.setContentType(request.contentType);
            out.setContentLength(static_cast<std::streamsize>(request.body.size()));
        }
        session->sendRequest(out) << request.body;
        Poco::Net::HTTPResponse in;
        std::istream& body = session->receiveResponse(in);
        HttpResponse response;
        response.status = static_cast<int>(in.getStatus());
        response.contentType = in.getContentType();
        char buffer[8192];
        while (body.read(buffer, sizeof buffer) || body.gcount() > 0) {
            response.body.append(buffer, static_cast<std::size_t>(body.gcount()));
            if (response.body.size() > maxBytes_) return unreachable(request.url, "the answer is too large.");
        }
        return response;
    } catch (const Poco::Exception& e) {
        return unreachable(request.url, e.displayText());
    } catch (const std::exception& e) {
        return unreachable(request.url, e.what());
    }
}

}  // namespace tessera::demo

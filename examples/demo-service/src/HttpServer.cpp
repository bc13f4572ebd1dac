#include "HttpServer.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>

#include <algorithm>
#include <istream>

namespace tessera::demo {

namespace {

constexpr std::size_t kMaxBodyBytes = 64 * 1024;

std::string decodeComponent(std::string text) {
    std::replace(text.begin(), text.end(), '+', ' ');
    std::string out;
    Poco::URI::decode(text, out);
    return out;
}

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(std::shared_ptr<DemoService> service) : service_(std::move(service)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
        WebResponse response;
        try {
            auto request = read(in);
            response = request ? service_->handle(*request) : tooLarge();
        } catch (const std::exception&) {
            response.status = 400;
            response.contentType = "text/plain; charset=utf-8";
            response.body = "Bad request.\n";
        }
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        out.setContentType(response.contentType);
        for (const auto& [name, value] : response.headers) out.add(name, value);
        if (in.getMethod() == "HEAD") {
            out.setContentLength(static_cast<std::streamsize>(response.body.size()));
            out.send();
            return;
        }
        out.sendBuffer(response.body.data(), response.body.size());
    }

private:
    static WebResponse tooLarge() {
        WebResponse r;
        r.status = 413;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "The request is too large.\n";
        return r;
    }

    // nullopt when the body is over the limit. Throws (Poco) on a URI it cannot parse.
    static std::optional<WebRequest> read(Poco::Net::HTTPServerRequest& in) {
        WebRequest r;
        r.method = in.getMethod();
        const Poco::URI uri(in.getURI());
        r.path = uri.getPath().empty() ? "/" : uri.getPath();
        r.query = parseFormEncoded(uri.getRawQuery(), r.repeatedParameter);
        Poco::Net::NameValueCollection cookies;
        in.getCookies(cookies);
        for (const auto& [name, value] : cookies) r.cookies.emplace(name, value);
        r.contentType = in.getContentType();
        if (r.method == "POST") {
            if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(kMaxBodyBytes))
                return std::nullopt;
            std::string body;
            char buffer[4096];
            auto& stream = in.stream();
            while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
                body.append(buffer, static_cast<std::size_t>(stream.gcount()));
                if (body.size() > kMaxBodyBytes) return std::nullopt;
            }
            if (r.contentType.rfind("application/x-www-form-urlencoded", 0) == 0)
                r.form = parseFormEncoded(body, r.repeatedParameter);
        }
        return r;
    }

    std::shared_ptr<DemoService> service_;
};

}  // namespace

std::map<std::string, std::string> parseFormEncoded(const std::string& text, bool& repeated) {
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('&', start);
        if (end == std::string::npos) end = text.size();
        const std::string pair = text.substr(start, end - start);
        if (!pair.empty()) {
            const auto eq = pair.find('=');
            const std::string name = decodeComponent(pair.substr(0, eq));
            const std::string value = eq == std::string::npos ? std::string() : decodeComponent(pair.substr(eq + 1));
            if (!out.emplace(name, value).second) repeated = true;
        }
        start = end + 1;
    }
    return out;
}

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
    return new Handler(service_);
}

}  // namespace tessera::demo

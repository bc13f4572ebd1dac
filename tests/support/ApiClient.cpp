#include "support/ApiClient.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <sstream>

namespace tessera::test {

Poco::JSON::Object::Ptr ApiResponse::json() const {
    Poco::JSON::Parser p;
    return p.parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string ApiResponse::header(const std::string& name) const {
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    auto it = headers.find(key);
    return it == headers.end() ? std::string() : it->second;
}

std::string ApiResponse::problemCode() const {
    try {
        auto o = json();
        return o->has("code") ? o->getValue<std::string>("code") : std::string();
    } catch (...) {
        return {};
    }
}

std::string ApiResponse::fieldError(const std::string& field) const {
    std::string out;
    try {
        auto o = json();
        auto errors = o->getArray("errors");
        if (!errors) return {};
        for (std::size_t i = 0; i < errors->size(); ++i) {
            auto e = errors->getObject(static_cast<unsigned>(i));
            if (e->getValue<std::string>("field") == field) out += (out.empty() ? "" : ",") + e->getValue<std::string>("code");
        }
    } catch (...) {
    }
    return out;
}

ApiClient::ApiClient(int port, std::string host) : port_(port), host_(std::move(host)) {}

ApiResponse ApiClient::get(const std::string& path) { return request("GET", path, "", ""); }
ApiResponse ApiClient::post(const std::string& path, const std::string& body) {
    return request("POST", path, body, "application/json");
}
ApiResponse ApiClient::patch(const std::string& path, const std::string& body) {
    return request("PATCH", path, body, "application/json");
}
ApiResponse ApiClient::del(const std::string& path) { return request("DELETE", path, "", ""); }

ApiResponse ApiClient::request(const std::string& method, const std::string& path, const std::string& body,
                               const std::string& contentType, const std::map<std::string, std::string>& headers) {
    Poco::Net::HTTPClientSession session(host_, static_cast<Poco::UInt16>(port_));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!cookies_.empty()) {
        Poco::Net::NameValueCollection c;
        for (const auto& [k, v] : cookies_) c.add(k, v);
        req.setCookies(c);
    }
    if (!csrf_.empty() && method != "GET" && method != "HEAD") req.set("X-CSRF-Token", csrf_);
    for (const auto& [k, v] : headers) req.set(k, v);
    if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
        if (!contentType.empty()) req.setContentType(contentType);
        req.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    std::ostream& out = session.sendRequest(req);
    out << body;

    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    ApiResponse r;
    r.status = int(resp.getStatus());
    Poco::StreamCopier::copyToString(in, r.body);
    for (const auto& [k, v] : resp) {
        std::string key = k;
        std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
        r.headers[key] = v;
        if (key == "set-cookie") r.setCookies.push_back(v);
    }
    std::vector<Poco::Net::HTTPCookie> cookies;
    resp.getCookies(cookies);
    for (const auto& c : cookies) {
        if (c.getMaxAge() == 0 || c.getValue().empty()) cookies_.erase(c.getName());
        else cookies_[c.getName()] = c.getValue();
    }
    // A session object in the answer carries the CSRF token for the next unsafe call.
    try {
        if (!r.body.empty() && r.body.front() == '{') {
            auto o = r.json();
            Poco::JSON::Object::Ptr s = o->has("session") ? o->getObject("session") : nullptr;
            if (s && s->has("csrfToken")) csrf_ = s->getValue<std::string>("csrfToken");
            else if (o->has("csrfToken")) csrf_ = o->getValue<std::string>("csrfToken");
        }
    } catch (...) {
    }
    return r;
}

std::string json(std::initializer_list<std::pair<std::string, Poco::Dynamic::Var>> members) {
    Poco::JSON::Object o;
    for (const auto& [k, v] : members) o.set(k, v);
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(o, os);
    return os.str();
}

}  // namespace tessera::test

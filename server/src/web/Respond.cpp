#include "web/Respond.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace tessera::web {

int statusFor(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Invalid: return 400;
        case ErrorKind::NotFound: return 404;
        case ErrorKind::Conflict: return 409;
        case ErrorKind::Unauthorized: return 401;
        case ErrorKind::Forbidden: return 403;
        case ErrorKind::TooManyRequests: return 429;
        case ErrorKind::Gone: return 410;
        case ErrorKind::Unavailable: return 503;
        case ErrorKind::UnsupportedMediaType: return 415;
        case ErrorKind::TooLarge: return 413;
        case ErrorKind::Internal: return 500;
    }
    return 500;
}

namespace {

void sendBody(Request& r, int status, const std::string& contentType, const std::string& body) {
    auto& resp = r.response;
    resp.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    resp.setContentType(contentType);
    resp.setContentLength(static_cast<std::streamsize>(body.size()));
    auto& out = resp.send();
    if (r.method != "HEAD") out << body;
}

std::string titleFor(int status) {
    switch (status) {
        case 400: return "The request has errors";
        case 401: return "Sign-in required";
        case 403: return "Not allowed";
        case 404: return "Not found";
        case 405: return "Method not allowed";
        case 409: return "Conflict";
        case 410: return "Expired or already used";
        case 413: return "Request too large";
        case 415: return "Unsupported content type";
        case 416: return "Range not satisfiable";
        case 422: return "The request cannot be used";
        case 429: return "Too many attempts";
        case 503: return "Service unavailable";
        default: return "Something went wrong";
    }
}

}  // namespace

void sendJson(Request& r, int status, const Poco::Dynamic::Var& body) {
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(body, os);
    sendBody(r, status, "application/json; charset=utf-8", os.str());
}

void sendNoContent(Request& r) {
    r.response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
    r.response.setContentLength(0);
    r.response.send();
}

void sendProblem(Request& r, const Error& error) { sendProblem(r, statusFor(error.kind), error); }

void sendProblem(Request& r, int status, const Error& error, const Poco::JSON::Object& extras) {
    Poco::JSON::Object body;
    body.set("type", "/problems/" + error.code);
    body.set("title", titleFor(status));
    body.set("status", status);
    body.set("detail", error.message);
    body.set("code", error.code);
    body.set("instance", "urn:tessera:request:" + r.requestId);
    if (!error.fields.empty()) {
        Poco::JSON::Array fields;
        for (const auto& f : error.fields) {
            Poco::JSON::Object o;
            o.set("field", f.field);
            o.set("code", f.code);
            o.set("message", f.message);
            fields.add(o);
        }
        body.set("errors", fields);
    }
    for (const auto& [name, value] : extras) body.set(name, value);
    if (status == 401 && !r.response.has("WWW-Authenticate")) r.response.set("WWW-Authenticate", "Cookie");
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(body, os);
    sendBody(r, status, "application/problem+json; charset=utf-8", os.str());
}

void sendProblem(Request& r, int status, const std::string& code, const std::string& title,
                 const std::string& detail) {
    Poco::JSON::Object body;
    body.set("type", "/problems/" + code);
    body.set("title", title.empty() ? titleFor(status) : title);
    body.set("status", status);
    body.set("detail", detail);
    body.set("code", code);
    body.set("instance", "urn:tessera:request:" + r.requestId);
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(body, os);
    sendBody(r, status, "application/problem+json; charset=utf-8", os.str());
}

}  // namespace tessera::web

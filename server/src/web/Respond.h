#pragma once
// The one way to answer: JSON bodies, empty answers, and errors as application/problem+json
// (RFC 9457: type, title, status, detail, and errors[] of {field, code, message}).
#include <Poco/JSON/Object.h>

#include "tessera/shared/Result.h"
#include "web/Request.h"

namespace tessera::web {

int statusFor(ErrorKind kind);
void sendJson(Request& r, int status, const Poco::Dynamic::Var& body);
void sendNoContent(Request& r);
void sendProblem(Request& r, const Error& error);
// Under a status of the route's choosing (422 for input that parsed but cannot be used), with
// every member of `extras` beside the usual ones (attemptsLeft beside a "no_match").
void sendProblem(Request& r, int status, const Error& error, const Poco::JSON::Object& extras = Poco::JSON::Object());
// For a problem whose type is not an Error value (404 route, 405, 413, ...).
void sendProblem(Request& r, int status, const std::string& code, const std::string& title,
                 const std::string& detail);

// Answers with the value's JSON on success, or the problem on failure.
template <class T, class Render>
void respond(Request& r, const Result<T>& result, int status, Render render) {
    if (!result) return sendProblem(r, result.error());
    sendJson(r, status, render(*result));
}

}  // namespace tessera::web

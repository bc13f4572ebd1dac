#pragma once
// How the ApiClient proves who is calling. The workstation uses the bearer access token from its
// sign-in (reviewer-app/src/signin) and refreshes it when the server says it expired; tests use a
// browser session's cookie and CSRF token. ApiClient only asks for headers, and for a refresh
// when an answer is 401.
#include <functional>

#include "client/ApiResult.h"

namespace tessera::reviewer {

struct ApiAuth {
    // The headers that authenticate one request (empty when signed out). Asked for each request
    // (and again for its retry after a refresh), so a refreshed token is picked up.
    std::function<HeaderList()> headers;
    // Gets fresh credentials after a 401 and calls `done(true)` when they are ready, or
    // `done(false)` when the reviewer has to sign in again. Optional.
    std::function<void(std::function<void(bool refreshed)> done)> refresh;
};

// "Authorization: Bearer <token()>", with `refresh` as the hook.
ApiAuth bearerAuth(std::function<QByteArray()> accessToken,
                   std::function<void(std::function<void(bool)>)> refresh = {});

// Fixed headers (a session cookie and its CSRF token, for tests), no refresh.
ApiAuth fixedHeaderAuth(HeaderList headers);

}  // namespace tessera::reviewer

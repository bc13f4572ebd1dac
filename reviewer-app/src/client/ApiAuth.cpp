#include "client/ApiAuth.h"

namespace tessera::reviewer {

ApiAuth bearerAuth(std::function<QByteArray()> accessToken, std::function<void(std::function<void(bool)>)> refresh) {
    ApiAuth auth;
    auth.headers = [accessToken = std::move(accessToken)]() -> HeaderList {
        const QByteArray token = accessToken ? accessToken() : QByteArray();
        if (token.isEmpty()) return {};
        return {{"Authorization", "Bearer " + token}};
    };
    auth.refresh = std::move(refresh);
    return auth;
}

ApiAuth fixedHeaderAuth(HeaderList headers) {
    ApiAuth auth;
    auth.headers = [headers = std::move(headers)] { return headers; };
    return auth;
}

}  // namespace tessera::reviewer

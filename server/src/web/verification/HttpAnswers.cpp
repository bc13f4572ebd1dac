#include "web/verification/HttpAnswers.h"

namespace tessera::web::verification {

void sendBytes(Request& r, int status, const std::string& contentType, std::string_view bytes) {
    r.response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    r.response.setContentType(contentType);
    r.response.set("Cache-Control", "no-store");
    r.response.setContentLength64(static_cast<Poco::UInt64>(bytes.size()));
    auto& out = r.response.send();
    if (r.method != "HEAD") out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace tessera::web::verification

#include "web/oidc/HttpSectorIdentifierSource.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/URI.h>

#include <memory>

#include "core/services/UrlRules.h"

namespace tessera::web::oidc {

namespace {

// The message completes "The sector identifier URI could not be fetched: ...".
Error unavailable(const std::string& why) { return Error::unavailable("sector_unavailable", why); }

}  // namespace

Poco::Net::Context::Ptr HttpSectorIdentifierSource::tlsContext() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (tls_) return tls_;
    static std::once_flag initialized;
    std::call_once(initialized, [] { Poco::Net::initializeSSL(); });
    Poco::Net::Context::Params params;
    params.loadDefaultCAs = true;
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    params.verificationDepth = 9;
    params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
    tls_ = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    tls_->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    tls_->enableExtendedCertificateVerification(true);
    return tls_;
}

Result<std::string> HttpSectorIdentifierSource::fetch(const std::string& uri) {
    if (auto problem = core::urls::registrableProblem(uri, "sectorIdentifier")) return unavailable(problem->message);
    try {
        const Poco::URI parsed(uri);
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (parsed.getScheme() == "https")
            session = std::make_unique<Poco::Net::HTTPSClientSession>(parsed.getHost(), parsed.getPort(), tlsContext());
        else
            session = std::make_unique<Poco::Net::HTTPClientSession>(parsed.getHost(), parsed.getPort());
        session->setTimeout(Poco::Timespan(static_cast<long>(timeoutSeconds_), 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET,
                                       parsed.getPathAndQuery().empty() ? "/" : parsed.getPathAndQuery(),
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.set("Accept", "application/json");
        request.set("User-Agent", "tessera");
        session->sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream& in = session->receiveResponse(response);
        if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
            return unavailable("the server answered " + std::to_string(int(response.getStatus())) + ".");
        const std::string tooLarge = "the document is larger than " + std::to_string(maxBytes_) + " bytes.";
        if (response.hasContentLength() && response.getContentLength64() > static_cast<Poco::Int64>(maxBytes_))
            return unavailable(tooLarge);
        std::string body;
        char buf[4096];
        while (in.read(buf, sizeof buf) || in.gcount() > 0) {
            body.append(buf, static_cast<std::size_t>(in.gcount()));
            if (body.size() > maxBytes_) return unavailable(tooLarge);
        }
        return body;
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("tessera.services").warning("Sector identifier fetch from " + uri + " failed: " + e.displayText());
        return unavailable(e.displayText() + ".");
    } catch (const std::exception& e) {
        return unavailable(std::string(e.what()) + ".");
    }
}

}  // namespace tessera::web::oidc

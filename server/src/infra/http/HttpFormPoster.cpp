#include "infra/http/HttpFormPoster.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace tessera::infra {

namespace {

// How much of an answer is read (and dropped): the status is all that matters.
constexpr std::streamsize kMaxAnswerBytes = 16 * 1024;

Error failed(const std::string& why) { return Error::unavailable("post_failed", "The form could not be posted: " + why); }

bool loopbackHost(std::string host) {
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

}  // namespace

std::string encodeFormFields(const FormFieldList& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        std::string n, v;
        Poco::URI::encode(name, "!#$&'()*+,/:;=?@[]", n);
        Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", v);
        if (!out.empty()) out += '&';
        out += n + "=" + v;
    }
    return out;
}

Poco::Net::Context::Ptr HttpFormPoster::tlsContext() {
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

Result<int> HttpFormPoster::post(const std::string& url, const FormFieldList& fields) {
    try {
        const Poco::URI parsed(url);
        const std::string& scheme = parsed.getScheme();
        if (parsed.getHost().empty() || !parsed.getUserInfo().empty() || !parsed.getFragment().empty())
            return failed("the URL is not acceptable");
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (scheme == "https") {
            session = std::make_unique<Poco::Net::HTTPSClientSession>(parsed.getHost(), parsed.getPort(), tlsContext());
        } else if (scheme == "http" && loopbackHost(parsed.getHost())) {
            session = std::make_unique<Poco::Net::HTTPClientSession>(parsed.getHost(), parsed.getPort());
        } else {
            return failed("only https, or http to a loopback host, is allowed");
        }
        session->setTimeout(Poco::Timespan(static_cast<long>(timeoutSeconds_), 0));
        session->setKeepAlive(false);

        const std::string body = encodeFormFields(fields);
        const std::string target = parsed.getPathAndQuery().empty() ? "/" : parsed.getPathAndQuery();
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/x-www-form-urlencoded");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        request.set("User-Agent", "tessera");
        request.set("Accept", "*/*");
        session->sendRequest(request) << body;

        Poco::Net::HTTPResponse response;
        std::istream& in = session->receiveResponse(response);
        // Read a little of the answer so a well-behaved server sees its response consumed.
        char buf[4096];
        std::streamsize seen = 0;
        while (seen < kMaxAnswerBytes && (in.read(buf, sizeof buf) || in.gcount() > 0)) seen += in.gcount();
        return static_cast<int>(response.getStatus());
    } catch (const Poco::Exception& e) {
        return failed(e.displayText());
    } catch (const std::exception& e) {
        return failed(e.what());
    }
}

}  // namespace tessera::infra

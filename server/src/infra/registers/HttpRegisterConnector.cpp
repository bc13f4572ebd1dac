#include "infra/registers/HttpRegisterConnector.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

namespace tessera::infra {
namespace {

// How one attempt ended.
enum class Failure { None, Retryable, Refused, BadReply };

struct Attempt {
    Failure failure = Failure::None;
    std::string why;  // for logs and the error message: never the key or a record
    std::vector<RegisterRecord> records;
};

Poco::Logger& logger() { return Poco::Logger::get("tessera.registers"); }

bool loopbackHost(std::string host) {
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

Error unavailable(const std::string& name, const std::string& why) {
    return Error::unavailable("register_unavailable", "The " + name + " register is unavailable: " + why + ".");
}

Poco::Timespan millis(int ms) { return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(std::max(1, ms)) * 1000); }

// A JSON scalar as the text a CSV register would hold; nullopt for arrays and objects.
std::optional<std::string> scalarText(const Poco::Dynamic::Var& v) {
    if (v.isEmpty()) return std::string();
    if (v.isArray() || v.isStruct() || v.type() == typeid(Poco::JSON::Object::Ptr) ||
        v.type() == typeid(Poco::JSON::Array::Ptr))
        return std::nullopt;
    return v.convert<std::string>();
}

Attempt parseReply(const std::string& body) {
    Attempt a;
    try {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
        const auto list = root ? root->getArray("records") : nullptr;
        if (!list) return {Failure::BadReply, "the reply has no records array", {}};
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto item = list->getObject(static_cast<unsigned>(i));
            if (!item) return {Failure::BadReply, "a record is not an object", {}};
            RegisterRecord record;
            for (const auto& [field, value] : *item) {
                auto text = scalarText(value);
                if (!text) return {Failure::BadReply, "a record field is not a scalar", {}};
                record.emplace(field, std::move(*text));
            }
            a.records.push_back(std::move(record));
        }
        return a;
    } catch (const Poco::Exception&) {
        return {Failure::BadReply, "the reply is not the expected JSON", {}};
    } catch (const std::exception&) {
        return {Failure::BadReply, "the reply is not the expected JSON", {}};
    }
}

}  // namespace

Result<std::unique_ptr<HttpRegisterConnector>> HttpRegisterConnector::create(HttpRegisterSettings settings,
                                                                             Clock& clock) {
    auto invalidSource = [&](const std::string& why) {
        return Error::invalid("register_source_invalid", "The " + settings.name + " register URL " + why + ".");
    };
    Poco::URI uri;
    try {
        uri = Poco::URI(settings.baseUrl);
    } catch (const Poco::Exception&) {
        return invalidSource("is not a URL");
    }
    const std::string scheme = uri.getScheme();
    if (uri.getHost().empty() || !uri.getUserInfo().empty() || !uri.getQuery().empty() || !uri.getFragment().empty())
        return invalidSource("must be scheme://host[:port][/path], without credentials, query or fragment");
    if (scheme != "https" && !(scheme == "http" && loopbackHost(uri.getHost())))
        return invalidSource("must be https (plain http only to a loopback host)");
    if (settings.clientCertFile.empty() != settings.clientKeyFile.empty())
        return Error::invalid("register_tls_invalid",
                              "The " + settings.name + " register needs both a client certificate and its key, or neither.");

    Poco::Net::Context::Ptr tls;
    if (scheme == "https") {
        static std::once_flag initialized;
        std::call_once(initialized, [] { Poco::Net::initializeSSL(); });
        try {
            Poco::Net::Context::Params params;
            params.privateKeyFile = settings.clientKeyFile;
            params.certificateFile = settings.clientCertFile;
            params.caLocation = settings.caFile;
            params.loadDefaultCAs = settings.caFile.empty();
            params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
            params.verificationDepth = 9;
            params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
            tls = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
            tls->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
            tls->enableExtendedCertificateVerification(true);
        } catch (const Poco::Exception& e) {
            return Error::invalid("register_tls_invalid", "The " + settings.name +
                                                              " register's TLS files cannot be used: " + e.displayText());
        }
    }
    std::unique_ptr<HttpRegisterConnector> connector(new HttpRegisterConnector(std::move(settings), clock, tls));
    connector->host_ = uri.getHost();
    connector->port_ = uri.getPort();
    std::string path = uri.getPath();
    while (!path.empty() && path.back() == '/') path.pop_back();
    connector->recordsPath_ = path + "/records";
    return connector;
}

HttpRegisterConnector::HttpRegisterConnector(HttpRegisterSettings settings, Clock& clock, Poco::Net::Context::Ptr tls)
    : settings_(std::move(settings)),
      tls_(std::move(tls)),
      breaker_(clock, settings_.breakerFailures, settings_.breakerCoolOffSeconds) {}

Result<std::vector<RegisterRecord>> HttpRegisterConnector::lookup(std::string_view key) {
    const auto permit = breaker_.allow();
    if (permit == CircuitBreaker::Permit::Refuse)
        return unavailable(settings_.name, "it failed repeatedly, so calls are paused for a while");

    std::string target = recordsPath_ + "?key=";
    Poco::URI::encode(std::string(key), "!#$&'()*+,/:;=?@[]%\"<>\\^`{|} ", target);

    // A trial call after a cool-off gets one attempt: a register that is still down is not
    // hammered with retries.
    const int attempts = permit == CircuitBreaker::Permit::Trial ? 1 : 1 + std::max(0, settings_.retries);
    Attempt last;
    for (int i = 0; i < attempts; ++i) {
        if (i > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(std::int64_t{std::max(0, settings_.retryBackoffMs)}
                                                                  << std::min(i - 1, 10)));
        last = Attempt{};
        try {
            std::unique_ptr<Poco::Net::HTTPClientSession> session;
            if (tls_) session = std::make_unique<Poco::Net::HTTPSClientSession>(host_, port_, tls_);
            else session = std::make_unique<Poco::Net::HTTPClientSession>(host_, port_);
            session->setTimeout(millis(settings_.connectTimeoutMs), millis(settings_.readTimeoutMs),
                                millis(settings_.readTimeoutMs));
            session->setKeepAlive(false);
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPMessage::HTTP_1_1);
            request.set("Accept", "application/json");
            request.set("User-Agent", "tessera");
            session->sendRequest(request);
            Poco::Net::HTTPResponse response;
            std::istream& in = session->receiveResponse(response);
            const int status = static_cast<int>(response.getStatus());
            std::string body;
            char buf[8192];
            while (in.read(buf, sizeof buf) || in.gcount() > 0) {
                body.append(buf, static_cast<std::size_t>(in.gcount()));
                if (body.size() > settings_.maxReplyBytes) break;
            }
            if (status >= 500) {
                last = {Failure::Retryable, "the register answered " + std::to_string(status), {}};
            } else if (status != 200) {
                last = {Failure::Refused, "the register answered " + std::to_string(status), {}};
            } else if (body.size() > settings_.maxReplyBytes) {
                last = {Failure::BadReply, "the reply is larger than " + std::to_string(settings_.maxReplyBytes) + " bytes", {}};
            } else {
                last = parseReply(body);
            }
        } catch (const Poco::TimeoutException&) {
            last = {Failure::Retryable, "it did not answer in time", {}};
        } catch (const Poco::Net::SSLException& e) {
            // A certificate the register should not have is not fixed by asking again.
            last = {Failure::BadReply, "the TLS connection failed (" + e.displayText() + ")", {}};
        } catch (const Poco::Exception& e) {
            last = {Failure::Retryable, "the connection failed (" + e.displayText() + ")", {}};
        } catch (const std::exception& e) {
            last = {Failure::Retryable, std::string("the connection failed (") + e.what() + ")", {}};
        }
        if (last.failure == Failure::None) {
            breaker_.recordSuccess();
            return std::move(last.records);
        }
        if (last.failure != Failure::Retryable) break;
    }
    // A 4xx means the register is up and refused this request: not a reason to stop asking it.
    if (last.failure == Failure::Refused) breaker_.recordSuccess();
    else breaker_.recordFailure();
    logger().warning("register " + settings_.name + " lookup failed: " + last.why);
    return unavailable(settings_.name, last.why);
}

}  // namespace tessera::infra

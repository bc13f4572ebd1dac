#include "support/FakeGovernmentRegister.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <sstream>

namespace tessera::test {

struct FakeGovernmentRegister::State {
    explicit State(infra::RegisterConnector& r) : rows(r) {}
    infra::RegisterConnector& rows;
    mutable std::mutex mutex;
    std::condition_variable wake;
    std::chrono::milliseconds delay{0};
    int failuresLeft = 0;
    int failureStatus = 503;
    std::optional<std::pair<int, std::string>> fixed;
    int requests = 0;
    std::string lastKey;
    bool closing = false;
    // Handlers still running: the fake waits for them before it goes, as they read `rows`,
    // which is the caller's and ends with the fake.
    int active = 0;
    std::condition_variable idle;
};

namespace {

std::string recordsJson(const std::vector<infra::RegisterRecord>& records) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& r : records) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        for (const auto& [k, v] : r) o->set(k, v);
        list->add(o);
    }
    Poco::JSON::Object root;
    root.set("records", list);
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(std::shared_ptr<FakeGovernmentRegister::State> state) : state_(std::move(state)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        const Poco::URI uri(request.getURI());
        std::string key;
        bool hasKey = false;
        for (const auto& [name, value] : uri.getQueryParameters()) {
            if (name != "key") continue;
            key = value;
            hasKey = true;
        }

        int status = 200;
        std::string body;
        std::chrono::milliseconds delay{0};
        bool closing = false;
        // Counted as running from here until it returns, whatever happens on the way.
        struct Running {
            explicit Running(FakeGovernmentRegister::State& s) : state(s) {}
            Running(const Running&) = delete;
            Running& operator=(const Running&) = delete;
            FakeGovernmentRegister::State& state;
            ~Running() {
                std::lock_guard<std::mutex> lock(state.mutex);
                --state.active;
                state.idle.notify_all();
            }
        };
        std::optional<Running> running;
        {
            std::unique_lock<std::mutex> lock(state_->mutex);
            ++state_->active;
            running.emplace(*state_);
            ++state_->requests;
            state_->lastKey = key;
            delay = state_->delay;
            if (state_->failuresLeft > 0) {
                --state_->failuresLeft;
                status = state_->failureStatus;
                body = "{}";
            } else if (state_->fixed) {
                status = state_->fixed->first;
                body = state_->fixed->second;
            }
            if (delay.count() > 0) state_->wake.wait_for(lock, delay, [&] { return state_->closing; });
            closing = state_->closing;
        }
        if (closing) {
            // The fake is going: the rows may be gone too.
            status = 503;
            body = "{}";
        } else if (status == 200 && body.empty()) {
            if (request.getMethod() != "GET" || !uri.getPath().ends_with("/records")) {
                status = 404;
                body = R"({"error":"not_found"})";
            } else if (!hasKey) {
                status = 400;
                body = R"({"error":"key_required"})";
            } else {
                auto found = state_->rows.lookup(key);
                status = found ? 200 : 503;
                body = found ? recordsJson(*found) : "{}";
            }
        }
        response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
        response.setContentType("application/json");
        response.setContentLength(static_cast<std::streamsize>(body.size()));
        try {
            response.send() << body;
        } catch (...) {
            // The connection was aborted (the fake is stopping): nothing to answer.
        }
    }

private:
    std::shared_ptr<FakeGovernmentRegister::State> state_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::shared_ptr<FakeGovernmentRegister::State> state) : state_(std::move(state)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(state_);
    }

private:
    std::shared_ptr<FakeGovernmentRegister::State> state_;
};

}  // namespace

FakeGovernmentRegister::FakeGovernmentRegister(infra::RegisterConnector& rows)
    : state_(std::make_shared<State>(rows)) {
    start(Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)));
}

FakeGovernmentRegister::FakeGovernmentRegister(infra::RegisterConnector& rows, const FakeRegisterTls& tls)
    : state_(std::make_shared<State>(rows)), tls_(true) {
    static std::once_flag initialized;
    std::call_once(initialized, [] { Poco::Net::initializeSSL(); });
    Poco::Net::Context::Params params;
    params.certificateFile = tls.certificateFile;
    params.privateKeyFile = tls.privateKeyFile;
    params.caLocation = tls.clientCaFile;
    // VERIFY_STRICT on a server asks for a client certificate and refuses a connection without one.
    params.verificationMode = tls.clientCaFile.empty() ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_STRICT;
    params.loadDefaultCAs = false;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
    // Poco would also check the client certificate's name against the client's address;
    // a client certificate names a client, not a host.
    context->enableExtendedCertificateVerification(false);
    start(Poco::Net::SecureServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context));
}

void FakeGovernmentRegister::start(Poco::Net::ServerSocket socket) {
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(8);
    params->setKeepAlive(false);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(state_), socket, params);
    server_->start();
}

FakeGovernmentRegister::~FakeGovernmentRegister() {
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->closing = true;
    }
    state_->wake.notify_all();
    server_->stopAll(true);
    std::unique_lock<std::mutex> lock(state_->mutex);
    state_->idle.wait_for(lock, std::chrono::seconds(10), [this] { return state_->active == 0; });
}

std::string FakeGovernmentRegister::baseUrl() const {
    return (tls_ ? "https://localhost:" : "http://127.0.0.1:") + std::to_string(port());
}

int FakeGovernmentRegister::port() const { return server_->port(); }

void FakeGovernmentRegister::delayAnswers(std::chrono::milliseconds delay) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->delay = delay;
}

void FakeGovernmentRegister::failNext(int count, int status) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->failuresLeft = count;
    state_->failureStatus = status;
}

void FakeGovernmentRegister::answerWith(int status, std::string body) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->fixed = std::make_pair(status, std::move(body));
}

void FakeGovernmentRegister::reset() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->delay = std::chrono::milliseconds(0);
    state_->failuresLeft = 0;
    state_->fixed.reset();
}

int FakeGovernmentRegister::requests() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->requests;
}

std::string FakeGovernmentRegister::lastKey() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->lastKey;
}

}  // namespace tessera::test

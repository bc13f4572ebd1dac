#pragma once
// A government register for tests: a real HTTP server on 127.0.0.1 (port chosen by the
// system) that answers GET .../records?key=K with the rows a RegisterConnector (usually a
// CsvRegister of test rows) holds under K, as {"records":[{...}]}. Knobs make it slow,
// make it fail, or make it answer something else; it counts the requests it saw.
// With TLS files it serves https (and, given a CA, asks for and checks a client
// certificate: mutual TLS).
#include <Poco/Net/HTTPServer.h>

#include <chrono>
#include <memory>
#include <string>

#include "infra/registers/RegisterConnector.h"

namespace tessera::test {

struct FakeRegisterTls {
    std::string certificateFile, privateKeyFile;  // the server's
    std::string clientCaFile;                     // non-empty: require a client certificate it signed
};

class FakeGovernmentRegister {
public:
    // `rows` must outlive the fake.
    explicit FakeGovernmentRegister(infra::RegisterConnector& rows);
    FakeGovernmentRegister(infra::RegisterConnector& rows, const FakeRegisterTls& tls);
    ~FakeGovernmentRegister();  // wakes delayed answers first
    FakeGovernmentRegister(const FakeGovernmentRegister&) = delete;
    FakeGovernmentRegister& operator=(const FakeGovernmentRegister&) = delete;

    // http://127.0.0.1:PORT (https://localhost:PORT with TLS, to match a certificate for localhost).
    std::string baseUrl() const;
    int port() const;

    // Every answer waits this long before it is sent (0: none).
    void delayAnswers(std::chrono::milliseconds delay);
    // The next `count` requests answer `status` with an empty JSON object.
    void failNext(int count, int status = 503);
    // Every request answers this status and body until reset() (bad JSON, a 4xx...).
    void answerWith(int status, std::string body);
    // Back to serving rows at once.
    void reset();

    int requests() const;
    std::string lastKey() const;  // the decoded key of the last request

    struct State;  // shared with the request handlers

private:
    void start(Poco::Net::ServerSocket socket);
    std::shared_ptr<State> state_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    bool tls_ = false;
};

}  // namespace tessera::test

// The HTTP register over TLS, with a client certificate (mutual TLS). Certificates are made
// at test time with the openssl command line into a temporary folder: a test CA, a server
// certificate for localhost and a client certificate, all signed by it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "infra/registers/CsvRegister.h"
#include "infra/registers/HttpRegisterConnector.h"
#include "support/FakeGovernmentRegister.h"
#include "support/Paths.h"
#include "support/TempDir.h"

using namespace tessera;
using namespace tessera::infra;

namespace {

struct TestPki {
    test::TempDir dir;
    std::string path(const std::string& name) const { return dir.path() + "/" + name; }
};

bool run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

// A CA, a server certificate for localhost and a client certificate, both signed by the CA.
void makePki(const TestPki& pki) {
    const std::string d = pki.dir.path();
    const std::string ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    REQUIRE(run("cd " + d + " && openssl req -x509 " + ec + " -keyout ca.key -out ca.pem -days 2 -subj '/CN=Test register CA'" +
                " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign"));
    std::ofstream(pki.path("server.ext")) << "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n";
    std::ofstream(pki.path("client.ext")) << "extendedKeyUsage=clientAuth\n";
    for (const std::string& who : {std::string("server"), std::string("client")}) {
        REQUIRE(run("cd " + d + " && openssl req " + ec + " -keyout " + who + ".key -out " + who + ".csr -subj '/CN=" +
                    (who == "server" ? "localhost" : "tessera") + "'"));
        REQUIRE(run("cd " + d + " && openssl x509 -req -in " + who + ".csr -CA ca.pem -CAkey ca.key -CAcreateserial -out " +
                    who + ".pem -days 2 -extfile " + who + ".ext"));
    }
}

std::unique_ptr<CsvRegister> sampleVitalRecords() {
    auto reg = CsvRegister::load(RegisterKind::VitalRecords, test::resourcesDir() + "/registers/vital-records.csv");
    REQUIRE(reg.ok());
    return std::move(reg).value();
}

HttpRegisterSettings settings(const std::string& url) {
    HttpRegisterSettings s;
    s.name = "vital_records";
    s.baseUrl = url;
    s.connectTimeoutMs = 1000;
    s.readTimeoutMs = 2000;
    s.retries = 1;
    s.retryBackoffMs = 5;
    return s;
}

}  // namespace

TEST_CASE("HTTP register over mutual TLS", "[registers][http][tls]") {
    if (!run("openssl version")) {
        WARN("openssl command line not found: mutual TLS test skipped");
        return;
    }
    TestPki pki;
    makePki(pki);
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows, {pki.path("server.pem"), pki.path("server.key"), pki.path("ca.pem")});
    ManualClock clock;

    SECTION("with the client certificate and the register's CA, lookups work") {
        auto s = settings(fake.baseUrl());
        s.caFile = pki.path("ca.pem");
        s.clientCertFile = pki.path("client.pem");
        s.clientKeyFile = pki.path("client.key");
        auto reg = HttpRegisterConnector::create(s, clock);
        REQUIRE(reg.ok());
        auto found = reg.value()->lookup("1984-06-12");
        if (!found) FAIL(found.error().message);
        REQUIRE(found->size() == 1);
        CHECK(found->front().at("person_ref") == "P-0001");
    }
    SECTION("without a client certificate the register refuses the connection") {
        auto s = settings(fake.baseUrl());
        s.caFile = pki.path("ca.pem");
        auto reg = HttpRegisterConnector::create(s, clock);
        REQUIRE(reg.ok());
        auto r = reg.value()->lookup("1984-06-12");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "register_unavailable");
        CHECK(fake.requests() == 0);
    }
    SECTION("a register whose certificate no trusted CA signed is refused") {
        auto s = settings(fake.baseUrl());  // the system's CAs do not know the test CA
        s.clientCertFile = pki.path("client.pem");
        s.clientKeyFile = pki.path("client.key");
        auto reg = HttpRegisterConnector::create(s, clock);
        REQUIRE(reg.ok());
        auto r = reg.value()->lookup("1984-06-12");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "register_unavailable");
        CHECK_THAT(r.error().message, Catch::Contains("TLS") || Catch::Contains("certificate"));
        CHECK(fake.requests() == 0);
    }
}

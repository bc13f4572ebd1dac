// The tessera-server program as an operator runs it: --help, configuration errors, start-up
// on a fresh data folder, structured logs, and a graceful stop on SIGTERM.
#include <catch2/catch.hpp>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <csignal>
#include <filesystem>
#include <thread>

#include "support/ApiClient.h"
#include "support/ChildProcess.h"
#include "support/Paths.h"
#include "support/TempDir.h"

using namespace std::chrono_literals;
using tessera::test::ChildProcess;

namespace {

std::string serverBinary() { return std::string(TESSERA_BINARY_DIR) + "/server/tessera-server"; }

int freePort() {
    Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
    return s.address().port();
}

ChildProcess::Options serverEnv(const std::string& dataDir, int port) {
    ChildProcess::Options o;
    o.env = {"TESSERA_DATA_DIR=" + dataDir, "TESSERA_HTTP_PORT=" + std::to_string(port), "TESSERA_HTTP_HOST=127.0.0.1",
             "TESSERA_RESOURCES_DIR=" + tessera::test::resourcesDir(), "TESSERA_LOG_FORMAT=json",
             "TESSERA_ARGON2_MEMORY_KIB=8192", "TESSERA_ARGON2_ITERATIONS=1"};
    o.stderrMode = ChildProcess::Stderr::Merge;
    return o;
}

}  // namespace

TEST_CASE("--help lists the configuration variables", "[server][process]") {
    auto r = ChildProcess::run(serverBinary(), {"--help"}, 20s);
    CHECK(r.exitStatus == 0);
    CHECK(r.output.find("TESSERA_HTTP_PORT") != std::string::npos);
    CHECK(r.output.find("--config") != std::string::npos);
}

TEST_CASE("A bad configuration value stops start-up with a message naming the variable", "[server][process]") {
    tessera::test::TempDir dir;
    auto options = serverEnv(dir.path(), freePort());
    options.env.push_back("TESSERA_SESSION_IDLE_SECONDS=soon");
    auto r = ChildProcess::run(serverBinary(), {}, 20s, options);
    CHECK(r.exitStatus != 0);
    CHECK(r.output.find("TESSERA_SESSION_IDLE_SECONDS") != std::string::npos);
}

TEST_CASE("The server starts on a fresh data folder, logs JSON and stops cleanly on SIGTERM", "[server][process]") {
    tessera::test::TempDir dir;
    const int port = freePort();
    auto server = ChildProcess::start(serverBinary(), {}, serverEnv(dir.path(), port));
    auto running = server.waitForLine(
        [](const std::string& l) { return l.find("Tessera is running at") != std::string::npos; }, 30s);
    REQUIRE(running);
    CHECK(std::filesystem::exists(dir.path() + "/tessera.db"));
    CHECK(std::filesystem::exists(dir.path() + "/keys/data.key"));

    tessera::test::ApiClient client(port);
    CHECK(client.get("/readyz").status == 200);

    // A request still arriving when SIGTERM comes is answered before the process exits.
    Poco::Net::StreamSocket slow(Poco::Net::SocketAddress("127.0.0.1", port));
    const std::string body = R"({"email":"nobody@example.org","password":"not the password"})";
    const std::string head = "POST /api/v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                             "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
    slow.sendBytes(head.data(), int(head.size()));
    slow.sendBytes(body.data(), 10);
    std::this_thread::sleep_for(300ms);
    server.signal(SIGTERM);
    std::this_thread::sleep_for(300ms);
    slow.sendBytes(body.data() + 10, int(body.size() - 10));
    std::string answer;
    char buf[4096];
    slow.setReceiveTimeout(Poco::Timespan(10, 0));
    for (int n; (n = slow.receiveBytes(buf, sizeof buf)) > 0;) answer.append(buf, std::size_t(n));
    CHECK(answer.rfind("HTTP/1.1 ", 0) == 0);
    CHECK(answer.find("HTTP/1.1 5") == std::string::npos);  // answered, not dropped or failed

    auto status = server.wait(30s);
    REQUIRE(status);
    CHECK(*status == 0);
    const std::string log = server.transcript();
    CHECK(log.find(R"("event":"stopped")") != std::string::npos);
    CHECK(log.find(R"({"ts":")") != std::string::npos);
    // The access log names the path, never a body or a password.
    CHECK(log.find(R"("path":"/readyz")") != std::string::npos);
    CHECK(log.find("not the password") == std::string::npos);
}

TEST_CASE("An operator rotates the token signing key from the command line – the old key stays published",
          "[server][process][keys]") {
    tessera::test::TempDir dir;
    auto options = serverEnv(dir.path(), freePort());
    auto first = ChildProcess::run(serverBinary(), {"--rotate-signing-key", "ES256"}, 30s, options);
    REQUIRE(first.exitStatus == 0);
    auto second = ChildProcess::run(serverBinary(), {"--rotate-signing-key", "ES256"}, 30s, options);
    REQUIRE(second.exitStatus == 0);
    CHECK(second.output.find("New ES256 signing key") != std::string::npos);

    auto listed = ChildProcess::run(serverBinary(), {"--list-signing-keys"}, 30s, options);
    REQUIRE(listed.exitStatus == 0);
    // Two ES256 keys: the new one signs until further notice ("until -"), the replaced one
    // has stopped signing but is still published until its tokens have expired.
    auto count = [&](const std::string& part) {
        std::size_t n = 0;
        for (auto at = listed.output.find(part); at != std::string::npos; at = listed.output.find(part, at + 1)) ++n;
        return n;
    };
    CHECK(count("  ES256  ") == 2);
    CHECK(count("  until -  published") == 1);   // one key signs now, with no end yet
    CHECK(count("published until -") == 1);  // the replaced key's end of publication is set (a date)
}

TEST_CASE("Key commands refuse an unknown algorithm and a missing data folder at once", "[server][process][keys]") {
    tessera::test::TempDir dir;
    auto options = serverEnv(dir.path(), freePort());
    auto bad = ChildProcess::run(serverBinary(), {"--rotate-signing-key", "HS256"}, 30s, options);
    CHECK(bad.exitStatus == 64);
    CHECK(bad.output.find("use ES256 or RS256") != std::string::npos);

    auto missing = serverEnv(dir.path() + "/no/such/folder", freePort());
    auto r = ChildProcess::run(serverBinary(), {"--list-signing-keys"}, 10s, missing);
    CHECK_FALSE(r.timedOut);
    CHECK(r.exitStatus == 70);
    CHECK(r.output.find("does not exist") != std::string::npos);
}

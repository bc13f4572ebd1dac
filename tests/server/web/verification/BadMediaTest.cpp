// Hostile and broken uploads over HTTP: each gets a problem saying what is wrong, and nothing
// changes (the application's media list, the blob files on disk).
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <catch2/catch.hpp>

#include "support/MediaSamples.h"
#include "support/TestDatabase.h"
#include "support/VerificationWebBuilders.h"

using namespace tessera;
using namespace tessera::test;

namespace {

// Sends only the request head (declaring `declaredLength` bytes) and a few bytes of body, then
// reads what the server answers.
std::string sendHeadOnly(TestServer& server, ApiClient& client, const std::string& path, std::uint64_t declaredLength) {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(server.port())));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    std::string cookies;
    for (const auto& [name, value] : client.cookies()) cookies += (cookies.empty() ? "" : "; ") + name + "=" + value;
    const std::string head = "PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: video/webm\r\n" +
                             "Content-Length: " + std::to_string(declaredLength) + "\r\nCookie: " + cookies +
                             "\r\nX-CSRF-Token: " + client.csrfToken() + "\r\n\r\n" + "\x1A\x45\xDF\xA3";
    socket.sendBytes(head.data(), int(head.size()));
    std::string answer;
    char buf[4096];
    for (;;) {
        int n = 0;
        try {
            n = socket.receiveBytes(buf, sizeof buf);
        } catch (const Poco::Exception&) {
            break;
        }
        if (n <= 0) break;
        answer.append(buf, std::size_t(n));
        if (answer.find("\r\n\r\n") != std::string::npos && answer.find("}") != std::string::npos) break;
    }
    return answer;
}

}  // namespace

TEST_CASE("Bad uploads over HTTP are refused with a clear problem and change nothing", "[web][verification][media]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            const TestPerson morag = sampleMorag();
            SignedIn citizen = signedInCitizen(server, morag, "morag@example.org");
            ApiClient& c = citizen.api();
            reachLoa1(c, morag);
            const std::string base = std::string(kVerification) + "/application";
            REQUIRE(c.post(base, json({{"evidence", "document_video"}})).status == 201);
            // One good photo already there: a bad upload must not disturb it.
            REQUIRE(putMedia(c, "document_front", media::jpegPhoto(800, 600), "image/jpeg").status == 200);
            const auto before = c.get(base);
            REQUIRE(before.json()->getArray("media")->size() == 1);
            const std::size_t blobsBefore = blobFileCount(server);

            auto unchanged = [&] {
                auto now = c.get(base);
                REQUIRE(now.status == 200);
                CHECK(now.json()->getArray("media")->size() == 1);
                CHECK(now.body == before.body);
                CHECK(blobFileCount(server) == blobsBefore);
            };

            SECTION("a truncated JPEG") {
                const std::string jpeg = media::jpegPhoto(800, 600);
                auto r = putMedia(c, "document_back", jpeg.substr(0, jpeg.size() / 2), "image/jpeg");
                CHECK(r.status == 422);
                CHECK(r.problemCode() == "unreadable_image");
                unchanged();
            }
            SECTION("a PNG sent as video/mp4") {
                auto r = putMedia(c, "selfie_video", media::pngPhoto(800, 600), "video/mp4");
                CHECK(r.status == 415);
                CHECK(r.problemCode() == "unsupported_media_type");
                unchanged();
            }
            SECTION("a photo declared as a video type, and a video on a photo slot") {
                auto r = putMedia(c, "document_back", media::jpegPhoto(800, 600), "video/mp4");
                CHECK(r.status == 415);
                auto v = putMedia(c, "document_back", media::webmVideo(), "image/jpeg");
                CHECK(v.status == 415);
                unchanged();
            }
            SECTION("a zip archive") {
                auto r = putMedia(c, "document_back", media::zipArchive(), "image/jpeg");
                CHECK(r.status == 415);
                CHECK(r.problemCode() == "unsupported_media_type");
                unchanged();
            }
            SECTION("a polyglot: a video with an archive appended") {
                auto r = putMedia(c, "selfie_video", media::mp4Video() + media::zipArchive(), "video/mp4");
                CHECK(r.status == 422);
                CHECK(r.problemCode() == "unreadable_video");
                unchanged();
            }
            SECTION("an unknown slot") {
                auto r = putMedia(c, "passport_inside", media::jpegPhoto(800, 600), "image/jpeg");
                CHECK(r.status == 404);
                unchanged();
            }
            SECTION("2 GB declared: refused before a byte of it is read") {
                const std::string answer =
                    sendHeadOnly(server, c, base + "/media/selfie_video", 2ull * 1024 * 1024 * 1024);
                CHECK(answer.rfind("HTTP/1.1 413", 0) == 0);
                CHECK(answer.find("too_large") != std::string::npos);
                unchanged();
            }
        }
    }
}

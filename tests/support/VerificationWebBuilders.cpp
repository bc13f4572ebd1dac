#include "support/VerificationWebBuilders.h"

#include <filesystem>
#include <stdexcept>

#include "support/MediaSamples.h"

namespace tessera::test {

TestPerson sampleMorag() {
    TestPerson p = moragCampbell();  // the same person; the sample register's references differ
    p.personRef = "P-0001";
    p.uprn = "906700000101";
    p.councilTaxReference = kSampleMoragCouncilTax;
    return p;
}

SignedIn signedInCitizen(TestServer& server, const TestPerson& person, const std::string& email) {
    SignedIn s{makeCitizen(server.services(), person, email), std::make_unique<ApiClient>(server.port())};
    expectStatus(signInWithTotp(*s.client, server.clock(), s.account), 200, "citizen sign-in");
    return s;
}

void grantRole(TestServer& server, const std::string& accountId, core::Role role) {
    if (Status granted = core::Roles(server.services()).grant(accountId, role, core::Actor{"system", ""}); !granted)
        throw std::runtime_error("grant role: " + granted.error().message);
}

SignedIn signedInStaff(TestServer& server, const std::string& email, core::Role role) {
    AccountSpec spec = activeWithTotp(email);
    spec.name = "Staff Member";
    SignedIn s{makeAccount(server.services(), spec), std::make_unique<ApiClient>(server.port())};
    grantRole(server, s.account.id, role);
    expectStatus(signInWithTotp(*s.client, server.clock(), s.account), 200, "staff sign-in");
    return s;
}

std::string identityBody(const TestPerson& p) {
    return json({{"givenNames", p.givenNames}, {"familyName", p.familyName}, {"dateOfBirth", p.dateOfBirth},
                 {"sex", p.sex}});
}

std::string addressBody(const TestPerson& p) {
    return json({{"line1", p.address.line1}, {"line2", p.address.line2}, {"town", p.address.town},
                 {"postcode", p.address.postcode}});
}

std::string passportBody(const TestPerson& p) {
    return json({{"documentType", "passport"},
                 {"documentNumber", p.passportNumber},
                 {"issuingCountry", "GBR"},
                 {"expiryDate", p.documentExpiry},
                 {"givenNames", p.givenNames},
                 {"familyName", p.familyName},
                 {"dateOfBirth", p.dateOfBirth}});
}

ApiResponse putMedia(ApiClient& client, const std::string& slot, const std::string& bytes,
                     const std::string& contentType) {
    return client.request("PUT", std::string(kVerification) + "/application/media/" + slot, bytes, contentType);
}

void reachLoa1(ApiClient& client, const TestPerson& p) {
    expectStatus(client.post(std::string(kVerification) + "/identity", identityBody(p)), 200, "identity match");
    expectStatus(client.post(std::string(kVerification) + "/address", addressBody(p)), 200, "address match");
}

void reachLoa2(ApiClient& client, const TestPerson& p) {
    reachLoa1(client, p);
    expectStatus(client.post(std::string(kVerification) + "/known-fact",
                             json({{"factType", "council_tax_reference"}, {"reference", p.councilTaxReference}})),
                 200, "known fact");
}

std::string submitDocumentVideoApplication(ApiClient& client, const TestPerson& p) {
    const std::string base = std::string(kVerification) + "/application";
    auto started = client.post(base, json({{"evidence", "document_video"}}));
    expectStatus(started, 201, "start application");
    expectStatus(client.request("PUT", base + "/document", passportBody(p), "application/json"), 200, "document");
    expectStatus(putMedia(client, "document_front", media::jpegPhoto(800, 600), "image/jpeg"), 200, "front photo");
    expectStatus(putMedia(client, "document_back", media::pngPhoto(800, 600), "image/png"), 200, "back photo");
    expectStatus(putMedia(client, "selfie_video", media::webmVideo(), "video/webm"), 200, "selfie video");
    expectStatus(client.post(base + "/submit", "{}"), 200, "submit");
    return started.json()->getValue<std::string>("id");
}

std::size_t blobFileCount(TestServer& server) {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(server.settings().blobDir(), ec))
        if (entry.is_regular_file()) ++n;
    return n;
}

const ApiResponse& expectStatus(const ApiResponse& r, int expected, const std::string& what) {
    if (r.status != expected)
        throw std::runtime_error(what + ": expected " + std::to_string(expected) + ", got " + std::to_string(r.status) +
                                 " " + r.body.substr(0, 600));
    return r;
}

}  // namespace tessera::test

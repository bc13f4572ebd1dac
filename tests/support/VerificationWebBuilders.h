#pragma once
// Test data for the verification and review REST API, over a real TestServer:
//  - the people of the sample registers the server loads (resources/registers), with the
//    values a citizen would type for them;
//  - citizens and staff signed in over HTTP (an ApiClient each);
//  - request bodies for the register checks and the document;
//  - the steps of the journey (LoA 1, LoA 2, a submitted application) as one call each;
//  - what must not change on a refused upload (blob files on disk).
#include <cstddef>
#include <memory>
#include <string>

#include "core/services/Roles.h"
#include "support/ApiClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"
#include "support/VerificationBuilders.h"

namespace tessera::test {

// Morag Campbell as resources/registers holds her (person P-0001, 12 Rose Street, council tax
// CT-EDN-4000-0101, passport 533401278).
TestPerson sampleMorag();
inline constexpr const char* kSampleMoragCouncilTax = "CT-EDN-4000-0101";

// A client signed in as an account, and the account.
struct SignedIn {
    TestAccount account;
    std::unique_ptr<ApiClient> client;
    ApiClient& api() { return *client; }
};

// An active citizen (profile holding the person's details) signed in over HTTP.
SignedIn signedInCitizen(TestServer& server, const TestPerson& person, const std::string& email);
// An active account holding `role`, signed in over HTTP.
SignedIn signedInStaff(TestServer& server, const std::string& email, core::Role role);
// Grants a role to an existing account (as the system).
void grantRole(TestServer& server, const std::string& accountId, core::Role role);

// Request bodies.
std::string identityBody(const TestPerson& p);
std::string addressBody(const TestPerson& p);
std::string passportBody(const TestPerson& p);

inline constexpr const char* kVerification = "/api/v1/accounts/me/verification";

// PUT .../application/media/{slot} with the bytes and content type.
ApiResponse putMedia(ApiClient& client, const std::string& slot, const std::string& bytes,
                     const std::string& contentType);

// The journey's steps over HTTP; each throws (with the answer) when the server refuses.
void reachLoa1(ApiClient& client, const TestPerson& p);
void reachLoa2(ApiClient& client, const TestPerson& p);  // LoA 1, then the council tax reference
// A document_video application with the passport, both photos and the video, submitted.
// Returns the application (case) id.
std::string submitDocumentVideoApplication(ApiClient& client, const TestPerson& p);

// Files under DATA_DIR/blobs (temporary files included).
std::size_t blobFileCount(TestServer& server);

// Throws std::runtime_error naming `what`, the status and body unless the status is `expected`.
const ApiResponse& expectStatus(const ApiResponse& r, int expected, const std::string& what);

}  // namespace tessera::test

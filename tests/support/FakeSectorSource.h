#pragma once
// A sector identifier source for tests: answers the documents (or failures) the test put
// there, and counts fetches. vouchingFor() serves, at the sector identifier of `changes`, a
// file that lists its redirect URIs — what a well-behaved sector publishes.
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/services/SectorIdentifierCheck.h"
#include "core/services/Service.h"

namespace tessera::test {

class FakeSectorSource final : public core::SectorIdentifierSource {
public:
    void serve(const std::string& uri, std::string document);
    void fail(const std::string& uri, const std::string& why);
    Result<std::string> fetch(const std::string& uri) override;
    int fetches() const;

    static std::shared_ptr<FakeSectorSource> vouchingFor(const core::ServiceChanges& changes);

private:
    mutable std::mutex mutex_;
    std::map<std::string, Result<std::string>> documents_;
    int fetches_ = 0;
};

}  // namespace tessera::test

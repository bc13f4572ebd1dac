#include "support/FakeSectorSource.h"

#include "core/services/JsonText.h"

namespace tessera::test {

void FakeSectorSource::serve(const std::string& uri, std::string document) {
    std::lock_guard<std::mutex> lock(mutex_);
    documents_.insert_or_assign(uri, Result<std::string>(std::move(document)));
}

void FakeSectorSource::fail(const std::string& uri, const std::string& why) {
    std::lock_guard<std::mutex> lock(mutex_);
    documents_.insert_or_assign(uri, Result<std::string>(Error::unavailable("sector_unavailable", why)));
}

Result<std::string> FakeSectorSource::fetch(const std::string& uri) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++fetches_;
    auto found = documents_.find(uri);
    if (found == documents_.end()) return Error::unavailable("sector_unavailable", "the server answered 404.");
    return found->second;
}

int FakeSectorSource::fetches() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return fetches_;
}

std::shared_ptr<FakeSectorSource> FakeSectorSource::vouchingFor(const core::ServiceChanges& changes) {
    auto source = std::make_shared<FakeSectorSource>();
    if (changes.sectorIdentifier && !changes.sectorIdentifier->empty())
        source->serve(*changes.sectorIdentifier, core::json_text::fromList(changes.redirectUris.value_or(std::vector<std::string>{})));
    return source;
}

}  // namespace tessera::test

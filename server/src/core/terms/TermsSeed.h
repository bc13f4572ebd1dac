#pragma once
// The first version of every terms document, in each language with a message catalogue,
// created on a fresh installation. Later versions are published by administrators.
#include <cstdint>
#include <vector>

#include "core/terms/TermsDocument.h"

namespace tessera::core {

// Version 1 of each kind in en, fr and gd, in force from `now`, with fresh random ids.
std::vector<TermsDocument> initialTermsDocuments(std::int64_t now);

}  // namespace tessera::core

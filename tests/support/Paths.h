#pragma once
#include <string>

namespace tessera::test {

// The repository checkout and its resources folder, for tests that read shipped files.
std::string sourceDir();
std::string resourcesDir();

}  // namespace tessera::test

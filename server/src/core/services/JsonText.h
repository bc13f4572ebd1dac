#pragma once
// Lists and per-language texts stored as JSON text in a column ('["a","b"]', '{"en":"..."}').
// Reading is lenient about what it does not recognise (skipped), since only this code writes them.
#include <map>
#include <string>
#include <vector>

namespace tessera::core::json_text {

std::string fromList(const std::vector<std::string>& list);
std::vector<std::string> toList(const std::string& text);
std::string fromMap(const std::map<std::string, std::string>& map);
std::map<std::string, std::string> toMap(const std::string& text);

}  // namespace tessera::core::json_text

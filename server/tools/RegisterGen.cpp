// tessera-register-gen: writes synthetic registers (vital records, addresses, known facts,
// documents) as the CSV files the built-in registers load.
//
//   tessera-register-gen --people N --out DIR [--seed S]
//
// The same N and seed give the same files. 1,000,000 people take a few seconds; see
// resources/registers/README.md for the formats and bench/registers for their use.
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "infra/registers/SyntheticRegisters.h"

namespace {

int usage(const char* why) {
    std::cerr << "tessera-register-gen: " << why << "\n"
              << "usage: tessera-register-gen --people N --out DIR [--seed S]\n";
    return 2;
}

bool parseCount(const std::string& text, std::uint64_t& out) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 12) return false;
    out = std::stoull(text);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t people = 0, seed = 1;
    std::string out;
    bool havePeople = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << "usage: tessera-register-gen --people N --out DIR [--seed S]\n";
            return 0;
        }
        if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
        const std::string value = argv[++i];
        if (arg == "--people") {
            if (!parseCount(value, people)) return usage("--people takes a whole number");
            havePeople = true;
        } else if (arg == "--seed") {
            if (!parseCount(value, seed)) return usage("--seed takes a whole number");
        } else if (arg == "--out") {
            out = value;
        } else {
            return usage(("unknown option " + arg).c_str());
        }
    }
    if (!havePeople || out.empty()) return usage("--people and --out are required");
    struct stat st {};
    if (::stat(out.c_str(), &st) != 0 && ::mkdir(out.c_str(), 0755) != 0) return usage("cannot create the output folder");

    const auto start = std::chrono::steady_clock::now();
    const auto written = tessera::infra::writeSyntheticRegisters(out, people, seed);
    if (!written) {
        std::cerr << "tessera-register-gen: " << written.error().message << "\n";
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "wrote " << written->people << " people, " << written->addresses << " addresses, " << written->knownFacts
              << " known facts, " << written->documents << " documents to " << out << " in " << seconds << " s\n";
    return 0;
}

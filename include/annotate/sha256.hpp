// SPDX-License-Identifier: MIT
// SHA-256 (FIPS 180-4) of a byte string, for the contract's source.sha256. Written here
// because the project's dependencies carry no hash library.
#ifndef ANNOTATE_SHA256_HPP_
#define ANNOTATE_SHA256_HPP_

#include <string>
#include <string_view>

namespace annotate {

/// Returns the lowercase hex SHA-256 digest of `bytes`, with the CPU's SHA extensions
/// where it has them.
std::string sha256_hex(std::string_view bytes);

/// The same digest without the SHA extensions, so that tests can compare the two paths.
std::string sha256_hex_portable(std::string_view bytes);

}  // namespace annotate

#endif  // ANNOTATE_SHA256_HPP_

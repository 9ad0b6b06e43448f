#pragma once
// Kensa's version, the top-level CMakeLists' project(VERSION): what --version prints and reports name,
// the same number the Debian package carries.

namespace kensa {

const char* version();

}  // namespace kensa

// kensa-project.json, edited by hand or written by a newer Kensa.
#include "fuzz_input_file.h"

#include <kensa/project/project_file.h>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto folder = kensa::fuzz::scratch_folder() / "project";
    std::filesystem::create_directories(folder);
    kensa::fuzz::write_input("project/kensa-project.json", data, size);
    const auto project = kensa::project::load_project(folder);
    if (project.ok()) {
        // An accepted project writes back to text that loads again.
        (void)kensa::project::project_to_json(*project, folder);
    } else if (project.error().message().find("kensa-project.json") == std::string::npos) {
        std::abort();  // the error names the file
    }
    return 0;
}

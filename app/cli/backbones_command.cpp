#include "commands.h"

#include <kensa/base/paths.h>
#include <kensa/features/backbone_catalog.h>

#include <CLI/CLI.hpp>

#include <cstdio>

namespace kensa::cli {

void add_backbones_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("backbones",
                                   "List the backbones and whether their pretrained weights are installed");
    cmd->callback([] {
        for (const auto& info : engine::backbone_catalog()) {
            const auto weights = engine::find_backbone_weights(info.id);
            std::printf("%-16s %s\n", info.id.c_str(), info.display_name.c_str());
            std::printf("  %s\n", info.description.c_str());
            if (!weights.empty())
                std::printf("  weights: %s\n", weights.string().c_str());
            else
                std::printf("  weights: not installed (%s). To get them: %s\n", info.weights_file.c_str(),
                            info.how_to_get_weights.c_str());
        }
        std::printf("\nweights search path:\n");
        for (const auto& dir : weights_search_path())
            std::printf("  %s\n", dir.string().c_str());
    });
}

}  // namespace kensa::cli

// What an ADTR model sees and rebuilds, for studies of anomaly scores outside Kensa: every image under a
// folder through a trained model's backbone and transformer, written as one safetensors file with the
// standardised feature grids ("features" [N, C, g, g]), their reconstruction ("reconstruction") and the
// images' paths relative to the folder (metadata "images", one per line, in the tensors' order).
// bench/quality/score_study.py reads it.

#include <kensa/data/image_folder.h>
#include <kensa/data/image_io.h>
#include <kensa/io/safetensors.h>
#include <kensa/methods/adtr/adtr_reconstructor.h>
#include <kensa/nn/blas_kernels.h>
#include <kensa/nn/tensor_dict.h>

#include <CLI/CLI.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    kensa::nn::use_native_blas_kernels(argv);
    CLI::App app{"Dump an ADTR model's feature grids and reconstructions of a folder of images"};
    std::string model, input, out;
    int threads = 2, batch = 8;
    app.add_option("--model", model, "Trained ADTR model (.kensa)")->required();
    app.add_option("--input", input, "Folder of images (searched recursively)")->required();
    app.add_option("--out", out, "safetensors file to write")->required();
    app.add_option("--threads", threads, "CPU threads")->capture_default_str();
    app.add_option("--batch", batch, "Images per forward pass")->capture_default_str()->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);
    try {
        kensa::adtr::AdtrReconstructor reconstructor(kensa::model::load_bundle(model), threads);
        const auto files = kensa::data::list_image_folder(input, /*recursive=*/true).value();
        std::vector<torch::Tensor> features, reconstructions;
        std::string names;
        for (size_t begin = 0; begin < files.size(); begin += static_cast<size_t>(batch)) {
            std::vector<cv::Mat> images;
            for (size_t i = begin; i < std::min(files.size(), begin + static_cast<size_t>(batch)); ++i) {
                images.push_back(kensa::data::read_image(files[i].path).value());
                names += files[i].relative_path.generic_string() + "\n";
            }
            auto r = reconstructor.run(images);
            features.push_back(r.features);
            reconstructions.push_back(r.reconstruction);
        }
        kensa::io::write_safetensors(
            out, kensa::nn::to_archive({{"features", torch::cat(features)}, {"reconstruction", torch::cat(reconstructions)}},
                                       {{"images", names}}));
        std::printf("%zu images -> %s\n", files.size(), out.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}

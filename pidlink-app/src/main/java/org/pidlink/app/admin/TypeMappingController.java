package org.pidlink.app.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.pidlink.core.types.OrcidWorkTypes;
import org.pidlink.core.types.TypeMappingCsvException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/type-mapping}: the ORCID work type mapping, its CSV to download, whole-file replacement by upload
 * or paste (refused with a line-by-line report unless every line is valid) and reset to pidlink's defaults.
 */
@Controller
class TypeMappingController {

    static final String CSV_FILE_NAME = "pidlink-type-mapping.csv";
    private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final TypeMappings mappings;

    TypeMappingController(TypeMappings mappings) {
        this.mappings = mappings;
    }

    @GetMapping("/admin/type-mapping")
    String page(Model model) {
        model.addAttribute("stored", mappings.stored());
        model.addAttribute("orcidTypes", new TreeSet<>(OrcidWorkTypes.all()));
        return "admin/type-mapping";
    }

    @GetMapping("/admin/type-mapping.csv")
    ResponseEntity<String> download() {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(CSV_FILE_NAME).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(mappings.stored().csv());
    }

    @PostMapping("/admin/type-mapping")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "csv", required = false) String pasted, Authentication admin,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        boolean fromFile = file != null && !file.isEmpty();
        byte[] csv = fromFile ? bytes(file)
                : pasted == null ? new byte[0] : pasted.getBytes(StandardCharsets.UTF_8);
        String name = fromFile ? fileName(file) : "the pasted CSV";
        try {
            StoredTypeMapping stored = mappings.replace(csv, admin.getName());
            flash.addFlashAttribute("notice", "The type mapping is replaced: the " + stored.mapping().rows().size()
                    + " mappings of " + name + " are in force.");
            return "redirect:/admin/type-mapping";
        } catch (TypeMappingCsvException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("uploadErrors", e.errors());
            model.addAttribute("uploadName", name);
            if (!fromFile) {
                model.addAttribute("pasted", pasted);
            }
            return page(model);
        }
    }

    @PostMapping("/admin/type-mapping/reset")
    String reset(Authentication admin, RedirectAttributes flash) {
        mappings.resetToDefaults(admin.getName());
        flash.addFlashAttribute("notice", "pidlink's default type mapping is in force again.");
        return "redirect:/admin/type-mapping";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "the uploaded file" : name;
    }
}

package nl.knooppunt.beheer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/beheer}: health per component, certificate expiry, and the operator log (paged). */
@RestController
@RequestMapping("/api/beheer")
class BeheerController {

    private final Gezondheid gezondheid;
    private final Certificaten certificaten;
    private final OperatorLog operatorLog;

    BeheerController(Gezondheid gezondheid, Certificaten certificaten, OperatorLog operatorLog) {
        this.gezondheid = gezondheid;
        this.certificaten = certificaten;
        this.operatorLog = operatorLog;
    }

    @GetMapping("/gezondheid")
    List<Gezondheid.Onderdeel> gezondheid() {
        return gezondheid.onderdelen();
    }

    @GetMapping("/certificaten")
    Map<String, List<Certificaten.Certificaat>> certificaten() {
        Map<String, List<Certificaten.Certificaat>> result = new LinkedHashMap<>();
        result.put("deelnemers", certificaten.deelnemers());
        result.put("hub", certificaten.hub());
        return result;
    }

    @GetMapping("/operatorlog")
    OperatorLog.Pagina operatorLog(@RequestParam(defaultValue = "0") int pagina,
                                   @RequestParam(defaultValue = "50") int grootte) {
        return operatorLog.pagina(pagina, grootte);
    }
}

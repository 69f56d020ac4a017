package com.flowmatik.app.replay;

import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators rebuild a projection from the first event and follow the rebuild. */
@RestController
@RequestMapping("/api/admin/replay")
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @GetMapping
    List<Projection> projections() {
        return replays.projections();
    }

    @PostMapping("/{projection}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> start(@PathVariable String projection) {
        return Map.of("replayId", replays.start(projection).replayId());
    }

    @GetMapping("/{replayId}")
    Replay replay(@PathVariable String replayId) {
        return replays.find(replayId).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No replay " + replayId));
    }
}
